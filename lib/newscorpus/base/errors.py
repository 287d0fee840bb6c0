"""Errors that explain themselves: what is wrong, where, and how to fix it.

Every check in ``newscorpus`` reports a :class:`Problem` (one fact about one place) and raises
them together as a :class:`NewsCorpusError`. The exception prints as plain sentences, one per
problem, and shows no traceback in Jupyter (it defines ``_render_traceback_``, which IPython
uses in place of the traceback), so a reader sees the message, not the machinery.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["CorpusError", "NewsCorpusError", "ParameterError", "Problem"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, said so that a person can fix it.

    Parameters
    ----------
    where : str
        The file (and, when it applies, the line and row) the problem is in, e.g.
        ``"corpus/raw/metadata.csv line 3 (doc_id 'a')"`` or a parameter name.
    message : str
        What is wrong, stating what was expected and what was found.
    fix : str
        How to fix it, as an instruction.
    field : str
        The field (column or parameter) concerned, or ``""``.

    Examples
    --------
    >>> print(Problem("metadata.csv line 2", "no such date: 2016-02-30",
    ...               "write a real date", field="published"))
    metadata.csv line 2, field 'published': no such date: 2016-02-30. Fix: write a real date.
    """

    where: str
    message: str
    fix: str = ""
    field: str = ""

    def __str__(self) -> str:
        place = f"{self.where}, field '{self.field}'" if self.field else self.where
        text = f"{place}: {self.message.rstrip('.')}."
        if self.fix:
            text += f" Fix: {self.fix.rstrip('.')}."
        return text


class NewsCorpusError(ValueError):
    """Input that ``newscorpus`` refuses, carrying every :class:`Problem` found.

    Examples
    --------
    >>> err = NewsCorpusError([Problem("a.txt", "the file is empty", "add text or remove it")])
    >>> print(err)
    a.txt: the file is empty. Fix: add text or remove it.
    >>> err.problems[0].where
    'a.txt'
    """

    def __init__(self, problems: Iterable[Problem] | Problem, *, title: str = "") -> None:
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        self.title = title
        super().__init__(self._text())

    def _text(self) -> str:
        lines = [str(p) for p in self.problems]
        if self.title:
            lines.insert(0, self.title)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self._text()

    def _render_traceback_(self) -> list[str]:  # pragma: no cover - used by IPython only
        """Show the message without a traceback in Jupyter and in papermill's error cell."""
        return [f"{type(self).__name__}: {line}" if i == 0 else line
                for i, line in enumerate(self._text().splitlines())]


class CorpusError(NewsCorpusError):
    """A corpus folder that cannot be loaded: metadata, files, encodings, dates."""


class ParameterError(NewsCorpusError):
    """A parameter with a value the code does not accept."""
