"""The one place that turns path parameters into paths.

Notebooks take folders as parameters (``corpus_dir = "corpus/raw"``). A relative parameter is
read from the project root, the folder holding ``pyproject.toml`` (or ``$NEWSCORPUS_ROOT`` when
set), whatever the working directory; an absolute one is used as it is. So the same parameter
means the same folder in JupyterLab, under papermill and under pytest.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

__all__ = ["display", "project_root", "resolve"]


def project_root() -> Path:
    """Return the project root: ``$NEWSCORPUS_ROOT``, else the source tree holding this package.

    Falls back to the current working directory when the package is installed outside a
    source tree.
    """
    env = os.environ.get("NEWSCORPUS_ROOT")
    if env:
        return Path(env).expanduser().resolve()
    package = Path(__file__).resolve().parents[1]  # lib/newscorpus
    if (package.parents[1] / "pyproject.toml").is_file():
        return package.parents[1]
    return Path.cwd().resolve()


def resolve(path: str | os.PathLike[str]) -> Path:
    """Return ``path`` as an absolute path, reading a relative one from :func:`project_root`.

    Examples
    --------
    >>> resolve("corpus/raw") == project_root() / "corpus" / "raw"
    True
    >>> str(resolve("/tmp/x"))
    '/tmp/x'
    """
    p = Path(path).expanduser()
    return p if p.is_absolute() else (project_root() / p).resolve()


def display(path: str | os.PathLike[str]) -> str:
    """Return ``path`` relative to the project root when inside it (stable across clones).

    Examples
    --------
    >>> display(project_root() / "figures" / "00-timeline.png")
    'figures/00-timeline.png'
    >>> display("/elsewhere/x.csv")
    '/elsewhere/x.csv'
    """
    p = Path(path).resolve()
    try:
        return p.relative_to(project_root()).as_posix()
    except ValueError:
        return p.as_posix()


def data_file(name: str) -> Path:
    return Path(str(resources.files("newscorpus") / "data" / name))
