"""Keyness: which terms are more frequent in one part of the corpus than in another.

For each term, ``a`` and ``b`` are its counts in the target and the reference, ``c`` and ``d``
the sizes of the two sides. Two statistics answer two questions:

* **G2** (log-likelihood) says how sure we can be that the difference is not chance. It is
  the G-test of the 2x2 table *term / other terms* by *target / reference* (Dunning 1993)::

      E1 = c (a + b) / (c + d)        E2 = d (a + b) / (c + d)
      G2 = 2 (a ln(a / E1) + b ln(b / E2)
              + (c - a) ln((c - a) / (c - E1)) + (d - b) ln((d - b) / (d - E2)))

  with 0 ln 0 = 0. Rayson & Garside (2000) and the UCREL log-likelihood wizard keep only the
  first two terms (a form from Read & Cressie, as the wizard notes); for a term that is rare
  in both sides the two agree closely, and the full form is never smaller. ``g2_form``
  chooses: ``"4-term"`` (default; equals ``scipy.stats.chi2_contingency(...,
  lambda_="log-likelihood", correction=False)``, the statistic the chi-square test assumes)
  or ``"2-term"`` (to reproduce published Rayson-style values). ``p_value`` is the
  chi-square survival with 1 degree of freedom, unadjusted for the many terms tested: treat it
  as a ranking aid, not a verdict.
* **Log ratio** (Hardie 2014) says how big the difference is: ``log2((a / c) / (b / d))``,
  with a zero count replaced by 0.5. +1 means twice as frequent in the target, -1 half.

G2 here is **unsigned**; the ``direction`` column says which side uses the term more and the
log ratio carries the sign. (quanteda's ``textstat_keyness`` signs G2 instead; multiply by
``sign(log_ratio)`` to get its convention.)
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np
import pandas as pd

from newscorpus.base.checks import check_int, check_table, fail
from newscorpus.base.errors import ParameterError, Problem

__all__ = ["keyness", "keyness_by_group", "log_likelihood", "log_ratio", "verify_keyness"]

_STATS = ["count", "words", "per_10k", "rank", "term"]


def log_likelihood(a, b, c, d, form: str = "4-term") -> np.ndarray:
    """Return G2 for counts ``a``, ``b`` in sides of sizes ``c``, ``d`` (arrays or numbers).

    ``form`` is ``"4-term"`` (Dunning's G-test of the whole 2x2 table) or ``"2-term"``
    (Rayson & Garside's form, the first two terms only); see the module docstring.

    Examples
    --------
    >>> # a=10, b=2, c=d=1000: E1 = E2 = 6, G2 = 2 (10 ln(10/6) + 2 ln(2/6)) = 5.822063
    >>> round(float(log_likelihood(10, 2, 1000, 1000, form="2-term")), 6)
    5.822063
    >>> # plus 2 (990 ln(990/994) + 998 ln(998/994)) = 2 (-3.991941 + 4.008038)
    >>> round(float(log_likelihood(10, 2, 1000, 1000)), 6)
    5.854257
    >>> float(log_likelihood(5, 5, 10, 10))
    0.0
    """
    from scipy.special import xlogy

    if form not in ("4-term", "2-term"):
        raise fail("g2_form", f"expected '4-term' or '2-term', got {form!r}",
                    "use '4-term' (Dunning's G-test, default) or '2-term' (Rayson & Garside)")
    a, b, c, d = (np.asarray(x, dtype="float64") for x in (a, b, c, d))
    n = c + d
    cells = [(a, c * (a + b) / n), (b, d * (a + b) / n)]
    if form == "4-term":
        cells += [(c - a, c * (n - a - b) / n), (d - b, d * (n - a - b) / n)]
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * sum(xlogy(o, np.where(o > 0, o / e, 1.0)) for o, e in cells)
    return np.maximum(g2, 0.0)  # rounding can leave -1e-16 where the rates are equal


def log_ratio(a, b, c, d) -> np.ndarray:
    """Return Hardie's log ratio ``log2((a / c) / (b / d))``, a zero count counted as 0.5.

    Examples
    --------
    >>> float(log_ratio(10, 2, 1000, 1000)), float(log_ratio(0, 4, 100, 100))
    (2.321928094887362, -3.0)
    """
    a, b, c, d = (np.asarray(x, dtype="float64") for x in (a, b, c, d))
    return np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d))


def _values(value: Hashable | Sequence[Hashable] | None) -> list:
    if value is None:
        return []
    if isinstance(value, list | tuple | set | frozenset | pd.Index | np.ndarray):
        return list(value)
    return [value]


def _side_words(freq: pd.DataFrame, mask: pd.Series) -> int:
    """The words (stop words included) of one side: each group's ``words`` counted once."""
    groups = [c for c in freq.columns if c not in _STATS]
    return int(freq.loc[mask, groups + ["words"]].drop_duplicates()["words"].sum())


def keyness(freq: pd.DataFrame, group_column: str, target: Hashable | Sequence[Hashable],
            reference: Hashable | Sequence[Hashable] | None = None, *, min_count: int = 5,
            totals: str = "terms", g2_form: str = "4-term") -> pd.DataFrame:
    """Return the keyness of every term in ``target`` against ``reference``.

    Parameters
    ----------
    freq : DataFrame
        A frequency table from :func:`newscorpus.keywords.counts.frequencies` holding
        ``group_column``: grouped by it (``by=("kind",)``), or by documents with the column
        merged on (``by=("doc_id", "kind")``); counts are summed per side either way.
    group_column : str
        The column whose values define the two sides (``"kind"``, ``"period"``, ``"outlet"``).
    target : value or list of values
        The value(s) of ``group_column`` studied; ``None`` or ``""`` means the first value in
        sorted order (the earliest period, when periods are labelled by years).
    reference : value or list of values, optional
        The value(s) compared with; ``None`` means every other value (missing values left out).
    min_count : int
        Leave out terms with fewer occurrences than this in the two sides together
        (``a + b``). The totals are computed before this filter.
    totals : {'terms', 'words'}
        The sizes ``c`` and ``d``. ``'terms'`` (default): the sum of ``count`` over all terms
        of the side, i.e. the tokens counted after stop words were dropped (for a bigram table,
        the number of bigrams), so each term is compared with the other counted terms.
        ``'words'``: the side's word tokens including stop words (the ``words`` column), the
        usual corpus size; then the log ratio equals ``log2`` of the ratio of ``per_10k``.
    g2_form : {'4-term', '2-term'}
        Dunning's full G-test (default) or Rayson & Garside's two-term form (module docstring).

    Returns
    -------
    DataFrame
        When ``group_column`` has a single value (and no ``reference`` is named) there is
        nothing to compare: the table is empty and ``attrs["reason"]`` says so. Otherwise
        ``attrs["target"]`` and ``attrs["reference"]`` name the two sides, and the columns are
        ``term``, ``count_target``, ``count_reference`` (``a``, ``b``), ``per_10k_target``,
        ``per_10k_reference`` (per 10,000 words, stop words included, as in
        :func:`~newscorpus.keywords.counts.frequencies`), ``total_target``, ``total_reference``
        (``c``, ``d`` as chosen by ``totals``), ``g2`` (unsigned), ``p_value``, ``log_ratio``
        (signed: positive when the target uses the term more), ``direction``
        (``"target"``, ``"reference"`` or ``"equal"``: the side with the higher relative
        frequency), then ``target`` and ``reference``, the names of the two sides (the same
        in every row, so that the table read back from CSV says what it compared). Sorted by
        ``g2`` (highest first; values equal to 9 decimals are ties), then term. For the
        target's keywords, keep ``direction == "target"``.

    Raises
    ------
    ParameterError
        If ``group_column`` is not in ``freq``, a target or reference value does not occur in
        it (the valid values are listed), the two sides overlap, or a side has no counts.

    Examples
    --------
    >>> freq = pd.DataFrame({"kind": ["article"] * 3 + ["snippet"] * 3,
    ...     "term": ["base", "peace", "war"] * 2, "count": [10, 490, 500, 2, 498, 500],
    ...     "words": 2000})
    >>> keyness(freq, "kind", "article")[["term", "g2", "log_ratio", "direction"]]
        term        g2  log_ratio  direction
    0   base  5.854257   2.321928     target
    1  peace  0.128020  -0.023364  reference
    2    war  0.000000   0.000000      equal
    >>> keyness(freq, "kind", "articles")
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.ParameterError: parameter 'target': 'articles' is not a value of column \
'kind'. Fix: use one or more of 'article', 'snippet'.
    """
    from scipy.stats import chi2

    check_table(freq, ["term", "count", "words"], "freq", "newscorpus.keywords.counts.frequencies")
    if not isinstance(group_column, str) or group_column not in freq.columns:
        raise fail("group_column", f"the frequency table has no column {group_column!r} "
                    f"(it has {', '.join(map(str, freq.columns))})",
                    "count with frequencies(tokens, by=(..., group_column)) after merging the "
                    "column onto the tokens")
    if g2_form not in ("4-term", "2-term"):
        raise fail("g2_form", f"expected '4-term' or '2-term', got {g2_form!r}",
                    "use '4-term' (Dunning's G-test, default) or '2-term' (Rayson & Garside)")
    if totals not in ("terms", "words"):
        raise fail("totals", f"expected 'terms' or 'words', got {totals!r}",
                    "use totals='terms' (counted terms) or totals='words' (all words)")
    min_count = check_int(min_count, "min_count", 0)
    present = list(pd.unique(freq[group_column]))
    groups = sorted((v for v in present if not pd.isna(v)), key=str)
    shown = ", ".join(repr(v) for v in groups[:30])
    targets, references = _values(target), _values(reference)
    targets = [v for v in targets if v != ""] or groups[:1]  # default: the first group
    references = [v for v in references if v != ""]
    problems = [Problem(f"parameter '{name}'", f"{v!r} is not a value of column "
                        f"{group_column!r}", f"use one or more of {shown}")
                for name, values in (("target", targets), ("reference", references))
                for v in values if v not in present]
    if not targets:
        problems.append(Problem("parameter 'target'", "no target value given",
                                f"use one or more of {shown}"))
    if len(groups) < 2 and not references and not problems:
        return _nothing_to_compare(group_column, groups, targets)
    if set(targets) & set(references):
        problems.append(Problem("parameter 'reference'", "the reference shares "
                                f"{sorted(set(targets) & set(references), key=str)} with the "
                                "target", "compare disjoint sets of values"))
    if problems:
        raise ParameterError(problems)
    in_target = freq[group_column].isin(targets)
    in_reference = (freq[group_column].isin(references) if references
                    else ~in_target & freq[group_column].notna())
    sides = {"target": in_target, "reference": in_reference}
    counts = {name: freq.loc[mask].groupby("term", sort=False)["count"].sum()
              for name, mask in sides.items()}
    words = {name: _side_words(freq, mask) for name, mask in sides.items()}
    size = {name: int(counts[name].sum()) if totals == "terms" else words[name]
            for name in sides}
    empty = [name for name in sides if size[name] <= 0 or words[name] <= 0]
    if empty:
        raise fail(empty[0], f"the {empty[0]} side has no counted terms",
                    "choose values of group_column that have words in the frequency table")
    table = pd.concat({"count_target": counts["target"],
                       "count_reference": counts["reference"]}, axis=1).fillna(0)
    table = table.astype("int64").rename_axis("term").reset_index()
    a, b = table["count_target"].to_numpy(), table["count_reference"].to_numpy()
    keep = (a + b >= max(min_count, 1))
    table = table[keep].reset_index(drop=True)
    a, b = a[keep], b[keep]
    c, d = size["target"], size["reference"]
    table["per_10k_target"] = a / words["target"] * 10_000
    table["per_10k_reference"] = b / words["reference"] * 10_000
    table["total_target"] = c
    table["total_reference"] = d
    table["g2"] = log_likelihood(a, b, c, d, form=g2_form)
    table["p_value"] = chi2.sf(table["g2"].to_numpy(), 1)
    table["log_ratio"] = log_ratio(a, b, c, d)
    cross = a * d - b * c
    table["direction"] = np.where(cross > 0, "target", np.where(cross < 0, "reference", "equal"))
    table = table.astype({"total_target": "int64", "total_reference": "int64",
                          "direction": "str", "term": "str"})
    # Values equal but for floating-point noise are ties, ordered by term on every machine.
    table["_key"] = table["g2"].round(9)
    table = table.sort_values(["_key", "term"], ascending=[False, True],
                              kind="stable").drop(columns="_key").reset_index(drop=True)
    sides = {"target": _label(targets),
             "reference": _label(references) if references else "all the other groups"}
    table.attrs.update(sides)
    return table.assign(**sides)  # the CSV says what was compared


_COLUMNS = ["term", "count_target", "count_reference", "per_10k_target", "per_10k_reference",
            "total_target", "total_reference", "g2", "p_value", "log_ratio", "direction",
            "target", "reference"]
_TEXT = ("term", "direction", "target", "reference")


def _label(values: list) -> str:
    return " + ".join(str(v) for v in values)


def _nothing_to_compare(group_column: str, groups: list, targets: list) -> pd.DataFrame:
    """An empty keyness table whose ``attrs["reason"]`` says why there is nothing to compare."""
    found = f"only {groups[0]!r}" if groups else "no value"
    table = pd.DataFrame({c: pd.Series(dtype="str" if c in _TEXT else "float64")
                          for c in _COLUMNS})
    table.attrs.update(target=_label(targets), reference="(nothing)", reason=(
        f"Keyness compares two groups, and column {group_column!r} has {found} in this "
        "corpus: choose another grouping (group_by) or a larger corpus."))
    return table


def keyness_by_group(freq: pd.DataFrame, group_column: str, *, k: int = 10, min_count: int = 5,
                     totals: str = "terms", g2_form: str = "4-term") -> pd.DataFrame:
    """Return each group's ``k`` most key terms against all the other groups together.

    :func:`keyness` with each value of ``group_column`` in turn as the target and every other
    value as the reference, keeping the terms the target uses more (``direction ==
    "target"``). A group that is the only one has nothing to compare with and is left out.

    Returns
    -------
    DataFrame
        ``group`` (the target value), then the columns of :func:`keyness`, the ``k`` rows of
        highest G2 per group; groups in sorted order.

    Examples
    --------
    >>> freq = pd.DataFrame({"kind": ["article"] * 2 + ["snippet"] * 2,
    ...     "term": ["base", "war"] * 2, "count": [30, 10, 10, 30], "words": 40})
    >>> # base: a=30, b=10, c=d=40, E=20: G2 = 4 (30 ln 1.5 + 10 ln 0.5) = 20.929925
    >>> keyness_by_group(freq, "kind", k=1)[["group", "term", "count_target", "g2"]].round(4)
         group  term  count_target       g2
    0  article  base            30  20.9299
    1  snippet   war            30  20.9299
    """
    k = check_int(k, "k", 1)
    check_table(freq, ["term", "count", "words"], "freq", "newscorpus.keywords.counts.frequencies")
    if not isinstance(group_column, str) or group_column not in freq.columns:
        keyness(freq, group_column, target=None)  # raises the message naming the column
    values = sorted(pd.unique(freq[group_column].dropna()), key=str)
    parts = []
    for value in values if len(values) > 1 else []:
        table = keyness(freq, group_column, value, min_count=min_count, totals=totals,
                        g2_form=g2_form)
        table = table[table["direction"] == "target"].head(k)
        parts.append(table.assign(group=value)[["group", *table.columns]])
    if not parts:
        return pd.DataFrame(columns=["group", *_COLUMNS])
    return pd.concat(parts, ignore_index=True)


def top_keyness(table: pd.DataFrame, k: int = 15) -> pd.DataFrame:
    """The rows of a :func:`keyness` table a chart draws: the ``k`` most key terms of each side.

    Those over-represented in the target first (by G2), then those over-represented in the
    reference, from the least to the most key, as the bars stand from top to bottom. A
    figure's CSV is this table, so it stays the same size whatever the vocabulary.

    Examples
    --------
    >>> table = pd.DataFrame({"term": list("abcde"), "g2": [9.0, 8, 7, 6, 5],
    ...     "log_ratio": [2.0, -1, 1, -3, 0.5]})
    >>> top_keyness(table, k=2)["term"].tolist()
    ['a', 'c', 'd', 'b']
    """
    over = table[table["log_ratio"] > 0].head(k)
    under = table[table["log_ratio"] < 0].head(k)
    shown = pd.concat([over, under.iloc[::-1]])
    shown.attrs = dict(table.attrs)
    return shown


def verify_keyness(table: pd.DataFrame) -> pd.DataFrame:
    """Recompute G2, p and log ratio of a keyness table from its own counts, independently.

    G2 and p come from ``scipy.stats.chi2_contingency(..., lambda_="log-likelihood",
    correction=False)`` on each term's 2x2 table ``[[a, c - a], [b, d - b]]``; the log ratio
    from the counts with Python's ``math.log2``. None of the code of :func:`keyness` is used,
    so a table read back from its CSV can be checked by anyone.

    Returns
    -------
    DataFrame
        One row per statistic (``g2``, ``p_value``, ``log_ratio``): the largest absolute
        difference between the table and the recomputation, and the number of terms checked.
        Only meaningful for a table made with ``g2_form="4-term"`` (the default).

    Examples
    --------
    >>> freq = pd.DataFrame({"kind": ["article"] * 2 + ["snippet"] * 2,
    ...     "term": ["base", "war"] * 2, "count": [30, 10, 10, 30], "words": 40})
    >>> bool(verify_keyness(keyness(freq, "kind", "article"))["max_abs_difference"].max() < 1e-9)
    True
    """
    import math

    from scipy.stats import chi2_contingency

    check_table(table, ["count_target", "count_reference", "total_target", "total_reference",
                         "g2", "p_value", "log_ratio"], "table",
                "newscorpus.keywords.compare.keyness")
    g2, p, lr = [], [], []
    for a, b, c, d in table[["count_target", "count_reference", "total_target",
                             "total_reference"]].itertuples(index=False):
        observed = np.array([[a, c - a], [b, d - b]], dtype=float)
        if (observed.sum(axis=0) == 0).any() or (observed.sum(axis=1) == 0).any():
            stat, pvalue = 0.0, 1.0  # a zero margin: no evidence either way
        else:
            stat, pvalue, _, _ = chi2_contingency(observed, correction=False,
                                                  lambda_="log-likelihood")
        g2.append(float(stat))
        p.append(float(pvalue))
        lr.append(math.log2(((a or 0.5) / c) / ((b or 0.5) / d)))
    rows = []
    for name, values in (("g2", g2), ("p_value", p), ("log_ratio", lr)):
        diff = np.abs(table[name].to_numpy(dtype=float) - np.asarray(values, dtype=float))
        rows.append({"statistic": name, "max_abs_difference": float(diff.max()) if len(diff)
                     else 0.0, "terms": len(diff)})
    return pd.DataFrame(rows)
