"""Faults injected into whole runs: each ends with one clear line, keeps no partial file, and a
re-run gives the same bytes as an undisturbed run.

The runs execute a small two-notebook collection through the ``newscorpus run`` command, in a
process of its own: interrupted (SIGINT to its whole process group, as Ctrl-C in a terminal),
killed (SIGKILL), on a full disk (a file-size limit), twice at once on one output folder, and
on a folder it may not write.
"""

from __future__ import annotations

import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

PARAMS = "nap: 3\n"


def _notebook(path: Path, name: str) -> None:
    cells = [
        new_markdown_cell("# a notebook of the fault tests"),
        new_code_cell('processed_dir: str = "p"  # where tables go\nnap: float = 0.0  # seconds',
                      metadata={"tags": ["parameters"]}),
        new_code_cell("import time\n\nimport pandas as pd\n\nfrom newscorpus.base import outputs"),
        new_code_cell(f'written = outputs.write_table(pd.DataFrame({{"x": range(20000)}}), '
                      f'processed_dir + "/{name}.csv")'),
        new_code_cell("time.sleep(nap)"),
        new_code_cell("for i in range(3):\n    print(i)"),
    ]
    nb = new_notebook(cells=cells, metadata={"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}})
    for i, cell in enumerate(nb.cells):
        cell.id = f"c{i}"
    nbformat.write(nb, path)


@pytest.fixture(scope="module")
def collection(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("faults")
    (folder / "nbs").mkdir()
    _notebook(folder / "nbs" / "00-a.ipynb", "a")
    _notebook(folder / "nbs" / "01-b.ipynb", "b")
    (folder / "p.yaml").write_text(PARAMS)
    return folder


def _command(collection: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "newscorpus", "run", "--params", str(collection / "p.yaml"),
            "--notebooks", str(collection / "nbs"), "--out", str(out), "--quiet"]


def _start(collection: Path, out: Path, **options) -> subprocess.Popen:
    return subprocess.Popen(_command(collection, out), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True, **options)


def _files(out: Path) -> dict[str, bytes]:
    """Every file a run left, by path, without the lock file (which a run keeps, empty)."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".newscorpus-run.lock"}


def _results(out: Path) -> dict[str, bytes]:
    """The notebooks and tables of a run; the output folder's own path (which the parameters
    cell records) written as OUT, so runs into different folders compare."""
    return {k: v.replace(str(out).encode(), b"OUT") for k, v in _files(out).items()
            if k.startswith(("notebooks/", "processed/"))}


@pytest.fixture(scope="module")
def undisturbed(collection, tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("undisturbed") / "out"
    done = subprocess.run(_command(collection, out), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return _results(out)


def _no_partial_files(out: Path, *, scratch: bool = False) -> None:
    """No temporary file beside the outputs, every stored notebook whole; no scratch either
    unless ``scratch`` (a killed run cannot clear its scratch; the next run does)."""
    leftovers = [p for p in out.rglob("*") if p.is_file() and (
        p.name.startswith(".") and p.name != ".newscorpus-run.lock"
        or ("scratch" in p.parts and not scratch))]
    assert not leftovers, f"partial or scratch files left: {leftovers}"
    for nb in (out / "notebooks").glob("*.ipynb"):
        nbformat.read(nb, as_version=4)  # every stored notebook is whole


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr, stderr
    assert len(lines) == 1, stderr
    return lines[0]


def test_an_interrupt_at_a_random_moment_ends_in_one_line_and_a_rerun_is_identical(
        collection, undisturbed, tmp_path):
    out = tmp_path / "out"
    proc = _start(collection, out)
    time.sleep(random.Random(16).uniform(4, 12))  # somewhere in the first or second notebook
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    line = _one_line(err)
    assert line.startswith("interrupted") and "stored" in line
    _no_partial_files(out)
    done = subprocess.run(_command(collection, out), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _results(out) == undisturbed


def test_a_killed_run_leaves_no_partial_file_and_a_rerun_is_identical(collection, undisturbed,
                                                                      tmp_path):
    out = tmp_path / "out"
    proc = _start(collection, out)
    time.sleep(7)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    _no_partial_files(out, scratch=True)
    done = subprocess.run(_command(collection, out), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr  # the kill left no lock behind
    assert _results(out) == undisturbed
    _no_partial_files(out)  # the re-run cleared the killed run's scratch


def test_a_full_disk_ends_in_one_line_naming_the_cause(collection, undisturbed, tmp_path):
    out = tmp_path / "out"

    def limit() -> None:  # files of at most 40 KB, as `ulimit -f 40`
        resource.setrlimit(resource.RLIMIT_FSIZE, (40 * 1024, 40 * 1024))

    proc = _start(collection, out, preexec_fn=limit)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 1
    line = _one_line(err)
    assert "File too large" in line and "Fix:" in line
    _no_partial_files(out)
    done = subprocess.run(_command(collection, out), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _results(out) == undisturbed


def test_two_runs_on_one_output_folder_the_second_is_refused_naming_the_first(collection,
                                                                           tmp_path):
    out = tmp_path / "out"
    first = _start(collection, out)
    time.sleep(3)
    second = subprocess.run(_command(collection, out), capture_output=True, text=True,
                            timeout=120)
    assert second.returncode == 1
    line = _one_line(second.stderr)
    assert f"another run is writing to this folder (process {first.pid}" in line
    _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err


def test_two_runs_on_two_output_folders_do_not_disturb_each_other(collection, undisturbed,
                                                                   tmp_path):
    runs = [_start(collection, tmp_path / name) for name in ("one", "two")]
    for proc in runs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    assert _results(tmp_path / "one") == _results(tmp_path / "two") == undisturbed


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_output_folder_ends_in_one_line(collection, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        done = subprocess.run(_command(collection, out), capture_output=True, text=True,
                              timeout=300)
    finally:
        out.chmod(0o755)
    assert done.returncode == 1
    assert "Permission denied" in _one_line(done.stderr)
