"""Editable rule files (YAML): read strictly, with the project's messages.

The theme dictionary and the motive rules are YAML files a researcher edits. :func:`read_yaml`
reads one with a loader that refuses a key given twice (PyYAML would silently keep the last
one) and turns a missing file, a file that is not UTF-8 and a YAML syntax error (with its line)
into one :class:`~newscorpus.base.errors.NewsCorpusError` naming the file and the fix.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from newscorpus.base.errors import NewsCorpusError, Problem
from newscorpus.base.paths import display

__all__ = ["UniqueKeyLoader", "read_yaml"]


class UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice (PyYAML keeps the last one silently)."""


def _unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} is given twice", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def read_yaml(file: Path, *, missing: str, missing_fix: str, syntax_fix: str) -> object:
    """Read the YAML ``file``, refusing duplicate keys, with one clear error for each fault.

    Parameters
    ----------
    file : Path
        The file to read.
    missing, missing_fix : str
        What to say, and how to fix it, when the file does not exist.
    syntax_fix : str
        How to fix a YAML syntax error (the line and PyYAML's reason are said before it).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "rules.yaml"
    >>> _ = path.write_text("a: 1\\na: 2\\n", encoding="utf-8")
    >>> read_yaml(path, missing="", missing_fix="", syntax_fix="write each key once")
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.NewsCorpusError: ...line 2: the file is not valid YAML: the key 'a' is \
given twice. Fix: write each key once.
    """
    where = display(file)
    try:
        return yaml.load(file.read_text(encoding="utf-8"), Loader=UniqueKeyLoader)
    except FileNotFoundError:
        raise NewsCorpusError(Problem(where, missing, missing_fix)) from None
    except UnicodeDecodeError as exc:
        raise NewsCorpusError(Problem(where, f"the file is not UTF-8 text ({exc.reason})",
                                      "save it as UTF-8")) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise NewsCorpusError(Problem(f"{where}{line}", f"the file is not valid YAML: {reason}",
                                      syntax_fix)) from None
