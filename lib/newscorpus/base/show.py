"""What a notebook shows: tables without pandas' index, capped in length, and generated prose.

:func:`table` wraps a DataFrame for display: no index column, numbers as the frame holds them,
at most ``max_rows`` rows with a line saying how many more there are and where the whole table
is. :func:`markdown` shows text written from the data (a sentence that names the corpus's own
numbers) as formatted prose. Both give the same text in a notebook page, in JupyterLab and in
the plain-text form nbval compares, and never anything that changes from run to run.
"""

from __future__ import annotations

import html

import pandas as pd

__all__ = ["Markdown", "Table", "markdown", "table"]


class Table:
    """A DataFrame shown without its index, capped at ``max_rows`` rows (see :func:`table`)."""

    def __init__(self, frame: pd.DataFrame, max_rows: int = 20, note: str = "",
                 max_width: int = 160, total: int | None = None):
        self.frame, self.max_rows, self.note = frame, int(max_rows), note
        self.max_width = int(max_width)
        self.total = len(frame) if total is None else int(total)

    def _shown(self) -> tuple[pd.DataFrame, str]:
        more = self.total - min(self.max_rows, len(self.frame))
        note = self.note
        if more > 0:
            note = f"... and {more:,} more rows" + (f" ({note})" if note else "")
        shown = self.frame.head(self.max_rows).copy()
        for column in shown.columns:
            if shown[column].dtype == object or pd.api.types.is_string_dtype(shown[column]):
                shown[column] = [v if not isinstance(v, str) or len(v) <= self.max_width
                                 else v[:self.max_width - 1] + "…" for v in shown[column]]
        return shown, note

    def __repr__(self) -> str:
        shown, note = self._shown()
        text = shown.to_string(index=False) if len(shown.columns) else "(no columns)"
        return text + (f"\n{note}" if note else "")

    def _repr_html_(self) -> str:
        shown, note = self._shown()
        body = shown.to_html(index=False, border=0, classes="dataframe newscorpus-table")
        return body + (f"<p><em>{html.escape(note)}</em></p>" if note else "")


def table(frame: pd.DataFrame, *, max_rows: int = 20, note: str = "",
          max_width: int = 160, total: int | None = None) -> Table:
    """Return ``frame`` ready to show: no index column, at most ``max_rows`` rows.

    Parameters
    ----------
    frame : DataFrame
        The table.
    max_rows : int
        Rows shown; the rest are counted under the table.
    note : str
        Where the whole table is (for example its CSV file), said under a cut table.
    max_width : int
        Longer texts are cut to this many characters (ending in "…").
    total : int, optional
        Rows of the whole table when ``frame`` is only its first rows (a preview of a table
        too large to hold, e.g. from :func:`newscorpus.clean.passes.clean_and_write`);
        default ``len(frame)``.

    Examples
    --------
    >>> table(pd.DataFrame({"term": ["base", "truce", "talks"], "n": [3, 2, 1]}), max_rows=2,
    ...       note="all in kwic.csv")
     term  n
     base  3
    truce  2
    ... and 1 more rows (all in kwic.csv)
    >>> table(pd.DataFrame({"n": [1, 2]}), total=1000, note="all in t.csv")
     n
     1
     2
    ... and 998 more rows (all in t.csv)
    """
    return Table(frame, max_rows, note, max_width, total)


class Markdown:
    """Prose written from the data, shown formatted (see :func:`markdown`)."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return self.text

    def _repr_markdown_(self) -> str:
        return self.text


def markdown(text: str) -> Markdown:
    """Return ``text`` (Markdown) to show as prose; its plain form is the text itself.

    Examples
    --------
    >>> markdown("**5 documents** from 4 outlets.")
    **5 documents** from 4 outlets.
    """
    return Markdown(text)
