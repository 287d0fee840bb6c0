"""Execute the notebooks in order with papermill, reproducibly, then publish them.

``make run`` is ``newscorpus run`` with the defaults: every ``NN-*.ipynb`` in ``notebooks/`` runs
in its own folder with the parameters from ``params/default.yaml`` and is stored back with its
outputs; then :func:`newscorpus.publish.release.publish` writes the figure catalogue, the manifest
and the HTML site. Volatile metadata (timings, papermill's timestamps, the Python patch version) is
stripped, so a second run rewrites every file byte for byte. A failing cell stops the run with
the notebook and cell named; the notebook that failed is kept under ``build/failed/`` and the
stored one is left as it was.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

from newscorpus.base.errors import NewsCorpusError, ParameterError, Problem
from newscorpus.base.notebooks import store_form
from newscorpus.base.outputs import atomic_path
from newscorpus.base.paths import display, project_root, resolve
from newscorpus.guards import OutputLock, check_outputs, kernel_environment
from newscorpus.parameters import check_parameters

__all__ = ["KERNEL_NAME", "NotebookRun", "RunError", "RunInterrupted", "execute_notebook",
           "find_notebooks", "load_params", "notebook_parameters", "run_all"]

KERNEL_NAME = "newscorpus"


#: The project's own errors: their message names the input and how to fix it.
_OWN_ERRORS = ("NewsCorpusError", "CorpusError", "ParameterError", "RunError")


class RunError(NewsCorpusError):
    """A notebook that failed to execute, named with its cell, or a file a run could not write."""


class RunInterrupted(NewsCorpusError):
    """A run stopped by the user (Ctrl-C), with what was kept."""


def find_notebooks(notebooks_dir: Path) -> list[Path]:
    """Return the ``NN-*.ipynb`` notebooks of a folder in reading order."""
    found = sorted(p for p in Path(notebooks_dir).glob("[0-9][0-9]-*.ipynb"))
    if not found:
        raise ParameterError(Problem(
            display(notebooks_dir), "there is no notebook named like 'NN-slug.ipynb' here",
            "point --notebooks at the folder holding the collection's notebooks"))
    return found


def load_params(path: str | os.PathLike[str]) -> dict[str, object]:
    """Read a YAML file of notebook parameters (a mapping of names to values)."""
    p = resolve(path)
    where = display(p)
    if not p.is_file():
        raise ParameterError(Problem(where, "the parameter file does not exist",
                                     "give the path of a YAML file such as params/default.yaml"))
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ParameterError(Problem(where, f"the file is not valid UTF-8 YAML ({exc})".replace(
            "\n", " "), "write one 'name: value' pair per line")) from None
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise ParameterError(Problem(where, "the file does not hold a mapping of parameters",
                                     "write one 'name: value' pair per line"))
    return dict(data)


def notebook_parameters(path: Path) -> dict[str, dict]:
    """Return the parameters a notebook declares in its ``parameters`` cell, by name."""
    import papermill

    return dict(papermill.inspect_notebook(str(path)))


@dataclass
class NotebookRun:
    """The outcome of one notebook's execution."""

    notebook: Path
    output: Path
    seconds: float
    parameters: dict[str, object] = field(default_factory=dict)


def _kernel_available(name: str) -> bool:
    from jupyter_client.kernelspec import KernelSpecManager

    return name in KernelSpecManager().find_kernel_specs()


def execute_notebook(notebook: Path, output: Path, parameters: Mapping[str, object], *,
                     scratch: Path, failed_dir: Path, progress: bool = True,
                     timeout: int = 1800) -> NotebookRun:
    """Execute one notebook with papermill in its own folder and store it at ``output``.

    The output is written whole or not at all: papermill writes to a file in ``scratch`` (the
    run's own folder), which replaces ``output`` only after every cell has run, in the form
    :func:`newscorpus.base.notebooks.store_form` gives it.

    Raises
    ------
    RunError
        Naming the notebook, the failing cell and its error; the executed notebook is kept
        in ``failed_dir``.
    """
    import papermill
    from nbclient.exceptions import CellTimeoutError
    from papermill.exceptions import PapermillExecutionError

    executed = scratch / notebook.name
    kernel = None if _kernel_available(KERNEL_NAME) else "python3"
    start = time.perf_counter()

    def keep() -> Path:
        failed_dir.mkdir(parents=True, exist_ok=True)
        kept = failed_dir / notebook.name
        if executed.is_file():
            shutil.move(str(executed), kept)
        return kept

    try:
        papermill.execute_notebook(
            str(notebook), str(executed), parameters=dict(parameters),
            cwd=str(notebook.parent), kernel_name=kernel, progress_bar=progress,
            record_timing=False, execution_timeout=timeout, log_output=False,
            kernel_manager_class="newscorpus.guards.QuietKernelManager")
    except PapermillExecutionError as exc:
        where, kept = f"{display(notebook)} cell {exc.cell_index}", keep()
        if exc.ename in _OWN_ERRORS:  # the message already says what to fix
            raise RunError(Problem(where, f"{exc.evalue.rstrip('.')} (the notebook as it "
                                   f"failed is kept in {display(kept)})")) from None
        raise RunError(Problem(
            where, f"the cell failed with {exc.ename}: {exc.evalue}",
            f"read the error above the cell in {display(kept)}, fix the input or parameter "
            "it names, and run again")) from None
    except CellTimeoutError as exc:
        raise RunError(Problem(
            display(notebook), f"a cell ran longer than {timeout} s ({exc})".replace("\n", " "),
            "run on a smaller corpus or raise the timeout with --timeout")) from None
    seconds = time.perf_counter() - start
    nb = store_form(nbformat.read(executed, as_version=4), parameters)
    with atomic_path(output) as tmp:
        nbformat.write(nb, tmp)
    executed.unlink()
    return NotebookRun(notebook, output, seconds, dict(parameters))


@contextlib.contextmanager
def _quiet_on_interrupt() -> Iterator[None]:
    """On Ctrl-C, silence logging before the run unwinds, so that one line says what happened.

    Unwinding shuts the kernel down under a cell that is still waiting for its reply; nbclient
    then logs "Kernel died" and asyncio a task exception nobody retrieved, with a traceback.
    Neither is news to a user who pressed Ctrl-C. Only in the main thread (where signals
    arrive); the previous handler is restored afterwards.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    silenced = []

    def interrupted(signum, frame):
        logging.disable(logging.CRITICAL)
        silenced.append(True)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if silenced:  # let the aborted cell's task go while silent, then log as before
            import gc

            gc.collect()
            logging.disable(logging.NOTSET)


def run_all(params_file: str | os.PathLike[str] = "params/default.yaml", *,
            notebooks_dir: str | os.PathLike[str] = "notebooks",
            corpus: str | os.PathLike[str] | None = None,
            out: str | os.PathLike[str] | None = None,
            only: list[str] | None = None, progress: bool = True,
            timeout: int = 1800, log=print) -> list[NotebookRun]:
    """Execute every notebook in order; return what ran.

    Parameters
    ----------
    params_file : path
        YAML file of parameters; each notebook receives the ones it declares.
    notebooks_dir : path
        Folder of ``NN-*.ipynb`` notebooks.
    corpus : path, optional
        Overrides the ``corpus_dir`` parameter.
    out : path, optional
        Write executed notebooks, figures, processed data and the site under this folder
        (``notebooks/``, ``figures/``, ``processed/``, ``site/``) instead of in place. Without
        it the notebooks, figures and tables are rewritten in place and the site goes to
        ``build/site/``.
    only : list of str, optional
        Run only notebooks whose file name starts with one of these prefixes (``["00"]``).

    Raises
    ------
    ParameterError
        For an unknown parameter, a bad parameter file or a corpus that does not validate.
    RunError
        When a cell fails.
    """
    from newscorpus.corpus.validate import validate_corpus

    params = load_params(params_file)
    nb_dir = resolve(notebooks_dir)
    notebooks = find_notebooks(nb_dir)
    # Parameters are checked against the whole collection, so one file serves every --only.
    declared = {nb: notebook_parameters(nb) for nb in notebooks}
    if only:
        notebooks = [p for p in notebooks if any(p.name.startswith(o) for o in only)]
        if not notebooks:
            raise ParameterError(Problem(
                "--only", f"no notebook name starts with {' or '.join(map(repr, only))}",
                f"use the number of one of: {', '.join(p.name for p in find_notebooks(nb_dir))}",
                field="only"))
    known = sorted({name for names in declared.values() for name in names})
    unknown = [Problem(display(resolve(params_file)), f"unknown parameter {name!r}",
                       f"use one of: {', '.join(known)}", field=name)
               for name in params if name not in known]
    if unknown:
        raise ParameterError(unknown)
    mistyped = _type_problems(params, declared, display(resolve(params_file)))
    if mistyped:
        raise ParameterError(mistyped)
    check_parameters(params, where=display(resolve(params_file)))
    if corpus is not None:
        params["corpus_dir"] = str(resolve(corpus))
    out_dir = None if out is None else resolve(out)
    if out_dir is not None:
        params["figures_dir"] = str(out_dir / "figures")
        params["processed_dir"] = str(out_dir / "processed")
    if "corpus_dir" in params:
        report = validate_corpus(resolve(str(params["corpus_dir"])))
        if not report.ok:
            raise ParameterError(report.problems,
                                 title=f"The corpus {report.corpus_dir} does not validate:")
    root = out_dir if out_dir is not None else project_root() / "build"
    outputs = {name: params[name] for name in ("figures_dir", "processed_dir") if name in params}
    outputs.update({"--out": out_dir} if out_dir is not None else {"notebooks": nb_dir})
    if "corpus_dir" in params:
        check_outputs(resolve(str(params["corpus_dir"])), outputs)
    runs: list[NotebookRun] = []
    current = None
    try:
        with _quiet_on_interrupt(), OutputLock(root), \
                kernel_environment(root / "scratch") as scratch:
            for i, nb in enumerate(notebooks, 1):
                nb_params = {k: v for k, v in params.items() if k in declared[nb]}
                output = nb if out_dir is None else out_dir / "notebooks" / nb.name
                log(f"[{i}/{len(notebooks)}] {display(nb)} -> {display(output)}", flush=True)
                current = nb
                run = execute_notebook(nb, output, nb_params, scratch=scratch,
                                       failed_dir=root / "failed", progress=progress,
                                       timeout=timeout)
                current = None
                log(f"[{i}/{len(notebooks)}] done in {run.seconds:.1f} s", flush=True)
                runs.append(run)
            if "figures_dir" in params:  # a collection that publishes figures
                current = "publishing"
                _publish(params, nb_dir if out_dir is None else out_dir / "notebooks",
                         root / "site", log)
    except KeyboardInterrupt:
        raise RunInterrupted(Problem("interrupted", _stopped(current, runs, ""),
                                     "run again to finish; a finished notebook is rewritten "
                                     "byte for byte")) from None
    except OSError as exc:
        raise RunError(Problem(
            display(exc.filename) if exc.filename else "newscorpus run",
            f"{_stopped(current, runs, 'stopped')}: {exc.strerror or exc}",
            "free disk space or fix the folder's permissions, then run again")) from None
    return runs


def _stopped(current, runs: list[NotebookRun], verb: str) -> str:
    """Say what an interrupted run was doing and what it kept."""
    doing = (f"{verb} while {current}" if isinstance(current, str) else
             f"{verb} during {display(current)}, which was not stored" if current else verb)
    kept = ", ".join(r.output.name for r in runs)
    stored = f"stored whole: {kept}" if kept else "no notebook was stored"
    return f"{doing.strip()}; {stored}" if doing.strip() else stored


#: The type a notebook's ``parameters`` cell declares, and the YAML values it accepts.
_TYPES: dict[str, tuple[type, ...]] = {"str": (str,), "int": (int,), "float": (int, float),
                                       "bool": (bool,), "list": (list,), "dict": (dict,)}


def _type_problems(params: Mapping[str, object], declared: Mapping[Path, Mapping[str, dict]],
                   where: str) -> list[Problem]:
    """A problem for each parameter whose value is not of the type its notebook declares."""
    problems = []
    for name, value in params.items():
        for nb, names in declared.items():
            kind = names.get(name, {}).get("inferred_type_name", "None")
            accepted = _TYPES.get(kind)
            if accepted is None:
                continue
            ok = isinstance(value, accepted) and not (kind != "bool" and isinstance(value, bool))
            if not ok:
                problems.append(Problem(where, f"{name} is {value!r}, but {nb.name} expects "
                                        f"{'a' if kind != 'int' else 'an'} {kind}",
                                        f"write a {kind} value, like the default "
                                        f"{names[name]['default']}", field=name))
                break
    return problems


def _publish(params: Mapping[str, object], executed_dir: Path, site_dir: Path, log) -> None:
    """Write the figure catalogue, the manifest and the site for the notebooks of a run."""
    from newscorpus.publish.release import publish

    def folder(name: str, default: str) -> Path:
        return resolve(str(params.get(name, default)))

    executed = sorted(executed_dir.glob("[0-9][0-9]-*.ipynb"))
    written = publish(executed, figures_dir=folder("figures_dir", "figures"),
                      processed_dir=folder("processed_dir", "corpus/processed"),
                      corpus_dir=folder("corpus_dir", "corpus/raw"), site_dir=site_dir)
    log(f"published {display(written['catalogue'])}, {display(written['manifest'])} and the "
        f"site {display(written['site'])}", flush=True)
