"""What keeps a run safe: its own scratch, a lock on its output, and hands off the corpus.

:func:`newscorpus.run.run_all` uses these before it executes anything:

* :func:`check_outputs` refuses a run whose outputs (figures, derived tables, executed
  notebooks, the site) would be written inside the corpus folder, or would contain it: a run
  never writes into, or deletes anything in, the texts it reads;
* :class:`OutputLock` takes an exclusive lock on the output folder for the whole run; a second
  run on the same folder is refused with a message naming the first (its process id, start
  time and command). The lock is the operating system's (``flock``), so a run that was killed
  leaves no stale lock behind;
* :func:`kernel_environment` gives each run a scratch folder of its own and the kernels a fixed
  hash seed, fixed file dates and an IPython folder inside that scratch, with command history
  off, so kernels write nothing outside the run;
* :class:`QuietKernelManager` starts each kernel in a session of its own with its standard
  error discarded: Ctrl-C in the terminal reaches ``newscorpus run`` alone, which stops the
  kernel and says in one line what it kept, instead of the kernel printing a traceback. (A
  kernel whose parent dies exits by itself: ipykernel watches its parent process.)
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager

from newscorpus.base.errors import ParameterError, Problem
from newscorpus.base.paths import display

__all__ = ["DETERMINISTIC_ENV", "LOCK_NAME", "OutputLock", "QuietKernelManager", "check_outputs",
           "kernel_environment"]

#: Environment for the kernels: fixed hash seed (stable set order) and file dates.
DETERMINISTIC_ENV = {"PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "0"}
LOCK_NAME = ".newscorpus-run.lock"


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_outputs(corpus_dir: str | os.PathLike[str],
                  outputs: Mapping[str, str | os.PathLike[str]]) -> None:
    """Refuse outputs inside the corpus folder, or holding it, naming the parameter.

    Parameters
    ----------
    corpus_dir : path
        The corpus folder the run reads.
    outputs : mapping
        Parameter (or option) name to the folder the run writes there.

    Raises
    ------
    ParameterError
        One problem per output that would overlap the corpus.

    Examples
    --------
    >>> check_outputs("/data/corpus", {"processed_dir": "/data/corpus/clean"})
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.ParameterError: parameter 'processed_dir': /data/corpus/clean is \
inside the corpus folder /data/corpus, and a run writes and deletes files there. Fix: choose a \
folder outside the corpus, e.g. with --out.
    """
    corpus = Path(corpus_dir).resolve()
    problems = []
    for name, folder in outputs.items():
        out = Path(folder).resolve()
        if _inside(out, corpus):
            what = "is inside the corpus folder"
        elif _inside(corpus, out):
            what = "holds the corpus folder"
        else:
            continue
        problems.append(Problem(f"parameter '{name}'",
                                f"{display(out)} {what} {display(corpus)}, and a run writes and "
                                "deletes files there",
                                "choose a folder outside the corpus, e.g. with --out"))
    if problems:
        raise ParameterError(problems)


class OutputLock:
    """An exclusive lock on an output folder for the length of a run (a context manager).

    Examples
    --------
    >>> folder = tempfile.mkdtemp()
    >>> with OutputLock(folder):
    ...     with OutputLock(folder):
    ...         pass
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.ParameterError: ...: another run is writing to this folder ...
    """

    def __init__(self, folder: str | os.PathLike[str]):
        self.folder = Path(folder)
        self.path = self.folder / LOCK_NAME
        self._file = None

    def __enter__(self) -> OutputLock:
        self.folder.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the run
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "a process that did not say which"
            handle.close()
            raise ParameterError(Problem(
                display(self.folder), f"another run is writing to this folder ({holder})",
                "wait for it to finish, or give this run another --out folder")) from None
        handle.seek(0)
        handle.truncate()
        started = datetime.datetime.now().isoformat(timespec="seconds")
        command = " ".join([os.path.basename(sys.argv[0]), *sys.argv[1:]])
        handle.write(f"process {os.getpid()}, started {started}: {command}")
        handle.flush()
        self._file = handle
        return self

    def __exit__(self, *exc) -> None:
        # The file stays (empty): removing it could let two later runs lock two files.
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.truncate(0)
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None


@contextlib.contextmanager
def kernel_environment(scratch_parent: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a scratch folder of this run's own, with the kernels' environment set for it.

    The folder (under ``scratch_parent``) is removed afterwards, and the environment restored.
    Call it while holding the :class:`OutputLock` of the same output folder: the scratch left by
    a run that was killed there is removed first, since no other run can be using it.
    """
    parent = Path(scratch_parent)
    parent.mkdir(parents=True, exist_ok=True)
    for stale in parent.glob("run-*"):
        shutil.rmtree(stale, ignore_errors=True)
    scratch = Path(tempfile.mkdtemp(prefix=f"run-{os.getpid()}-", dir=parent))
    ipython = scratch / "ipython"
    (ipython / "profile_default").mkdir(parents=True)
    (ipython / "profile_default" / "ipython_kernel_config.py").write_text(
        "c.HistoryManager.enabled = False\n", encoding="utf-8")
    changes = {**DETERMINISTIC_ENV, "IPYTHONDIR": str(ipython)}
    before = {k: os.environ.get(k) for k in changes}
    os.environ.update(changes)
    try:
        yield scratch
    finally:
        for key, value in before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(scratch, ignore_errors=True)
        with contextlib.suppress(OSError):
            parent.rmdir()  # only when empty: another run may be using it


class QuietKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels run in their own session, with no terminal output."""

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        kw["independent"] = True  # a new session: the terminal's Ctrl-C stays with the run
        kw["stdout"] = kw["stderr"] = subprocess.DEVNULL  # no kernel chatter or tracebacks
        return await super()._async_launch_kernel(kernel_cmd, **kw)
