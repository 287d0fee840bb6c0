"""The command line: one summary line or every problem, exit codes, and never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import RAW


def newscorpus(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "newscorpus", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


def test_validate_prints_one_summary_line_for_a_good_corpus():
    result = newscorpus("validate", str(RAW))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1
    assert "5 documents" in result.stdout


def test_validate_prints_every_problem_and_exits_1(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"caf\xe9 au lait")
    (tmp_path / "b.txt").write_text("   \n")
    (tmp_path / "metadata.csv").write_text(
        "doc_id,file,published\na,a.txt,2016-02-30\nb,b.txt,\nb,../../etc/passwd,\n")
    result = newscorpus("validate", str(tmp_path))
    assert result.returncode == 1
    err = result.stderr
    for expected in ("UTF-8", "2016-02-30", "only whitespace", "already listed", "outside"):
        assert expected in err, f"{expected!r} missing from:\n{err}"
    assert "Traceback" not in err + result.stdout


@pytest.mark.parametrize("args", [
    ["validate", "/nonexistent/corpus"],
    ["run", "--params", "/nonexistent/params.yaml"],
])
def test_bad_input_gives_a_message_not_a_traceback(args):
    result = newscorpus(*args)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()


def test_run_refuses_an_unknown_parameter_naming_it(tmp_path):
    params = tmp_path / "p.yaml"
    params.write_text("corpus_dir: corpus/raw\ntop_n: 20\n")
    result = newscorpus("run", "--params", str(params))
    assert result.returncode == 1
    assert "unknown parameter 'top_n'" in result.stderr
    assert "Traceback" not in result.stderr


def test_run_refuses_a_corpus_that_does_not_validate(tmp_path):
    (tmp_path / "metadata.csv").write_text("doc_id,file\na,missing.txt\n")
    result = newscorpus("run", "--corpus", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "missing.txt" in result.stderr and "does not validate" in result.stderr
    assert not (tmp_path / "out").exists()


def test_resources_lists_each_resource_with_versions():
    result = newscorpus("resources")
    assert result.returncode == 0
    assert "VADER lexicon" in result.stdout and "nltk" in result.stdout
