"""The findings, drawn from the tables the earlier notebooks published, as sentences with sources.

Notebook 05 states its answer with these functions (and those of
:mod:`newscorpus.publish.answer`), so that every number it prints is read
from a table an earlier notebook wrote (never typed by hand) and every sentence names the
figure or table it comes from. The functions return small tables, and :class:`Finding`, a
piece of Markdown that also prints as plain text (so nbval compares it). Any text that comes
from the corpus or from an editable dictionary is escaped (:func:`md_escape`), so markup in a
document title or a theme label shows as text on the published site.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import pandas as pd

from newscorpus.base.checks import check_table

__all__ = ["Finding", "actor_contrasts", "corpus_limits", "describe_actors", "describe_keyness",
           "describe_validation", "md_escape"]

#: Markdown's inline marks; a line never starts with corpus text here, so "-", "+" and "#"
#: at a line start cannot occur, and "<", ">", "&" are already HTML-escaped.
_MARKDOWN = re.compile(r"([\\`*_\[\]|~])")


def md_escape(text: object) -> str:
    """Return ``text`` safe to put in Markdown: HTML-escaped, Markdown punctuation escaped.

    Examples
    --------
    >>> print(md_escape("<script>alert(1)</script> *bold* [link](x) al-Assad"))
    &lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[link\\](x) al-Assad
    """
    return _MARKDOWN.sub(r"\\\1", html.escape(str(text), quote=False))


class Finding:
    """Markdown for the notebook (``_repr_markdown_``) that prints as its plain text too.

    Examples
    --------
    >>> Finding("**Bases** matter.")
    **Bases** matter.
    """

    def __init__(self, markdown: str) -> None:
        self.markdown = markdown

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __repr__(self) -> str:
        return self.markdown

    def __str__(self) -> str:
        return self.markdown


def _pct(x: float) -> str:
    return "n/a" if pd.isna(x) else f"{x:.0%}"


def describe_keyness(key: pd.DataFrame, *, target: str, reference: str, source: str,
                     k: int = 8) -> Finding:
    """List the ``k`` most key terms of each side of a keyness table, with their counts.

    ``key`` is a keyness table as published (``figures/02-keyness.csv``: ``term`` or
    ``label``, ``count_target``, ``count_reference``, ``g2``, ``direction``), sorted by G2.
    """
    check_table(key, ["term", "count_target", "count_reference", "g2", "direction"], "key",
                 "newscorpus.keywords.compare.keyness (figures/02-keyness.csv)")
    if key.empty:
        return Finding(f"No keyness could be computed for this corpus ({source}).")
    word = "label" if "label" in key.columns else "term"

    def side(direction: str) -> str:
        rows = key[key["direction"] == direction].head(k)
        return ", ".join(f"*{md_escape(getattr(r, word))}* ({r.count_target}:"
                         f"{r.count_reference})" for r in rows.itertuples()) or "none"

    return Finding(f"Terms used more in **{md_escape(target)}** than in "
                   f"{md_escape(reference)}: {side('target')}. Used more in "
                   f"{md_escape(reference)}: {side('reference')}. In brackets, the raw counts "
                   f"(target:reference); terms ranked by G2 ({source}).")


def actor_contrasts(tone: pd.DataFrame) -> pd.DataFrame:
    """Compare the tone around each actor with the tone of all units (the first row).

    ``tone`` is :func:`newscorpus.sentiment.actor_tables.actor_tone` with a baseline
    (``actor_tone.csv``). Adds ``difference`` (actor mean minus the baseline mean) and ``reading``:
    "more negative" or "more positive" when the actor's 95% interval lies wholly on one side of
    the baseline mean, else "like the rest". The baseline contains the actor's units, so this
    is a description, not a test.
    """
    check_table(tone, ["actor", "n", "mean_compound", "ci_low", "ci_high"], "tone",
                 "newscorpus.sentiment.actor_tables.actor_tone (actor_tone.csv of notebook 03)")
    if tone.empty:
        return tone.assign(difference=pd.Series(dtype=float), reading=pd.Series(dtype=str))
    tone = tone.copy()
    for column in ("n", "mean_compound", "ci_low", "ci_high"):  # blank in CSV: no interval
        tone[column] = pd.to_numeric(tone[column], errors="coerce")
    base = tone.iloc[0]["mean_compound"]
    rest = tone.iloc[1:].copy()
    rest["difference"] = rest["mean_compound"] - base
    rest["reading"] = ["more negative" if hi < base else "more positive" if lo > base
                       else "like the rest" for lo, hi in zip(rest["ci_low"], rest["ci_high"],
                                                              strict=True)]
    rest.attrs["baseline"] = (str(tone.iloc[0]["actor"]), float(base), int(tone.iloc[0]["n"]))
    return rest.reset_index(drop=True)


def describe_actors(contrasts: pd.DataFrame, *, source: str, min_n: int = 10) -> Finding:
    """Say around which actors the tone departs from the rest, with the counts behind it."""
    if contrasts.empty or "baseline" not in contrasts.attrs:
        return Finding(f"No actor of the dictionary is named in the corpus ({source}).")
    label, base, n = contrasts.attrs["baseline"]
    lines = [f"The mean compound score of {md_escape(label)} is {base:+.2f} (n = {n:,}). "
             f"Around each actor ({source}; the tone of the units that name it, not a stance "
             "towards it):"]
    for r in contrasts.itertuples():
        few = " (too few units to say)" if r.n < min_n else ""
        interval = ("no interval" if pd.isna(r.ci_low) or pd.isna(r.ci_high) else
                    f"95% interval {r.ci_low:+.2f} to {r.ci_high:+.2f}")
        lines.append(f"- {md_escape(r.actor)}: {r.mean_compound:+.2f} ({interval}, n = {r.n}),"
                     f" {r.reading}{few}")
    return Finding(lines[0] + "\n\n" + "\n".join(lines[1:]))


def describe_validation(comparison: pd.DataFrame, *, source: str) -> Finding:
    """Say how well the scorer tracked human ratings, against the published figures."""
    check_table(comparison, ["label", "metric", "measured", "ci_low", "ci_high", "published"],
                 "comparison", "newscorpus.sentiment.published.compare_published")
    rows = comparison[comparison["metric"] == "pearson_r"].copy()
    for column in ("measured", "ci_low", "ci_high", "published"):  # blank in CSV: no value
        rows[column] = pd.to_numeric(rows[column], errors="coerce")
    if rows.empty:
        return Finding(f"No validation result was found ({source}).")
    lines = [f"Correlation with the mean human rating ({source}):"]
    for r in rows.itertuples():
        published = ("" if pd.isna(r.published) else
                     f"; published {r.published:.3f}, "
                     + ("inside" if r.ci_low <= r.published <= r.ci_high else "outside")
                     + " the interval")
        lines.append(f"- {md_escape(r.label)}: r = {r.measured:.3f} (95% interval "
                     f"{r.ci_low:.3f} to {r.ci_high:.3f}{published})")
    return Finding(lines[0] + "\n\n" + "\n".join(lines[1:]))


def corpus_limits(docs: pd.DataFrame, *, by: str = "period",
                  kinds: Iterable[str] = ("snippet-aggregate",)) -> Finding:
    """State how many documents stand behind each group, and which are not single texts."""
    check_table(docs, ["doc_id", by], "docs", "documents.csv of notebook 00 with periods")
    if by == "period" and "kind" in docs.columns:  # many snippets are not dated as one text
        docs = docs.assign(period=docs["period"].where(~docs["kind"].isin(list(kinds)),
                                                       "(no period: snippets of many dates)"))
    counts = docs.groupby(by, sort=False)["doc_id"].agg(list)
    lines = [f"The corpus has {len(docs)} document(s). Behind each {md_escape(by)}:"]
    for group, ids in counts.items():
        lines.append(f"- {md_escape(group)}: {len(ids)} document(s) "
                     f"({', '.join(md_escape(i) for i in ids)})")
    if "kind" in docs.columns:
        special = docs[docs["kind"].isin(list(kinds))]["doc_id"].tolist()
        if special:
            lines.append(f"\n{', '.join(md_escape(i) for i in special)} "
                         f"{'is' if len(special) == 1 else 'are'} not one text but many "
                         "snippets of many sources joined together.")
    return Finding(lines[0] + "\n\n" + "\n".join(lines[1:]))
