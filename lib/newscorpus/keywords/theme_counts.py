"""How often each theme's vocabulary occurs: matched sentences, shares per document or group,
and examples.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from newscorpus.base.checks import check_by, check_table, check_text_column, fail
from newscorpus.base.stats import wilson_interval
from newscorpus.keywords.concordance import _sentence_order
from newscorpus.keywords.themes import Theme, _themes


def theme_matches(sentences: pd.DataFrame,
                  themes: Sequence[Theme] | str | Path | None = None) -> pd.DataFrame:
    """Return every match of every theme's terms in ``sentences``.

    Parameters
    ----------
    sentences : DataFrame
        A sentence table (``doc_id``, ``sentence_id``, ``text``).
    themes : sequence of Theme, path, or None
        The dictionary (:func:`load_themes`); ``None`` reads the packaged one.

    Returns
    -------
    DataFrame
        ``doc_id``, ``sentence_id``, ``theme`` (its name), ``term`` (the dictionary term that
        matched), ``match`` (the words as written) and ``start``, ``end`` (character offsets
        into the sentence's ``text``: ``text[start:end] == match``). In reading order, then
        in dictionary order of themes. Within a theme matches do not overlap (the longest
        term wins); the same words may count for two themes.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": "a", "sentence_id": [1, 2], "text": [
    ...     "Moscow wants its naval base at Tartus and a seat in talks with the West.",
    ...     "Israeli raids in the West Bank hit a database."]})
    >>> theme_matches(s)[["sentence_id", "theme", "term", "match"]]
       sentence_id        theme         term       match
    0            1        bases  naval base*  naval base
    1            1        bases       tartus      Tartus
    2            1  great_power     the west    the West
    3            1    diplomacy        talks       talks
    """
    check_table(sentences, ["doc_id", "sentence_id", "text"], "sentences",
                 "the cleaning notebook (sentences.csv)")
    check_text_column(sentences, "text", "sentences")
    themes = _themes(themes)
    matchers = [(t.name, t.matcher()) for t in themes]
    rows: dict[str, list] = {k: [] for k in ("doc_id", "sentence_id", "theme", "term", "match",
                                             "start", "end")}
    table = _sentence_order(sentences)
    for doc_id, sentence_id, text in zip(table["doc_id"], table["sentence_id"], table["text"],
                                         strict=True):
        for name, matcher in matchers:
            for start, stop, k in matcher.find_text(text):
                for key, value in (("doc_id", doc_id), ("sentence_id", sentence_id),
                                   ("theme", name), ("term", matcher.terms[k]),
                                   ("match", text[start:stop]), ("start", start),
                                   ("end", stop)):
                    rows[key].append(value)
    return pd.DataFrame(rows).astype({"sentence_id": "int64", "theme": "str", "term": "str",
                                      "match": "str", "start": "int64", "end": "int64"})


def theme_sentences(sentences: pd.DataFrame,
                    themes: Sequence[Theme] | str | Path | None = None, *,
                    matches: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per sentence with a True/False column per theme.

    Parameters
    ----------
    sentences : DataFrame
        A sentence table (``doc_id``, ``sentence_id``, ``text``, and any other columns).
    themes : sequence of Theme, path, or None
        The dictionary; ``None`` reads the packaged one.
    matches : DataFrame, optional
        :func:`theme_matches` of the same sentences and themes, if already computed.

    Returns
    -------
    DataFrame
        The columns of ``sentences`` except ``text`` (so ``role`` or a merged ``kind`` can be
        used to group), then one bool column per theme, named by the theme, in reading order.
        ``attrs["themes"]`` lists the theme columns for :func:`theme_shares`.

    Raises
    ------
    ParameterError
        If a sentence column has the name of a theme.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": "a", "sentence_id": [1, 2], "text": [
    ...     "Russia keeps its bases.", "Talks on a ceasefire resumed in Geneva."]})
    >>> theme_sentences(s)[["sentence_id", "bases", "diplomacy", "great_power"]]
       sentence_id  bases  diplomacy  great_power
    0            1   True      False        False
    1            2  False       True        False
    """
    themes = _themes(themes)
    if matches is None:
        matches = theme_matches(sentences, themes)
    check_table(matches, ["doc_id", "sentence_id", "theme"], "matches",
                 "newscorpus.keywords.theme_counts.theme_matches")
    names = [t.name for t in themes]
    clash = [n for n in names if n in sentences.columns]
    if clash:
        raise fail("sentences", f"the sentence table already has a column named like the "
                    f"theme {clash[0]!r}", "drop or rename that column first")
    table = _sentence_order(sentences).drop(columns="text").reset_index(drop=True)
    keys = pd.MultiIndex.from_frame(table[["doc_id", "sentence_id"]])
    for name in names:
        hit = matches.loc[matches["theme"] == name, ["doc_id", "sentence_id"]]
        table[name] = keys.isin(pd.MultiIndex.from_frame(hit)) if len(hit) else False
    table = table.astype({name: "bool" for name in names})
    table.attrs["themes"] = names
    return table


def theme_shares(flags: pd.DataFrame, by: str | Sequence[str] = "doc_id",
                 themes: Sequence[Theme] | Sequence[str] | None = None) -> pd.DataFrame:
    """Return, per group, how many sentences mention each theme and their share.

    Parameters
    ----------
    flags : DataFrame
        :func:`theme_sentences`, with any grouping column merged on.
    by : str or sequence of str
        The grouping columns (``"doc_id"``, ``"kind"``, ``"role"``, ...).
    themes : sequence of Theme or of theme names, optional
        The theme columns; by default those listed in ``flags.attrs["themes"]``, else every
        True/False column of ``flags`` not in ``by``.

    Returns
    -------
    DataFrame
        The ``by`` columns, ``theme``, ``sentences`` (in the group), ``matched`` (mentioning
        the theme), ``share`` (``matched / sentences``) and ``ci_low``, ``ci_high`` (its 95%
        Wilson interval, see :func:`wilson_interval`). Sorted by group, then theme in
        dictionary order. Shares of merged groups are ratios of summed counts.

    Examples
    --------
    >>> flags = pd.DataFrame({"doc_id": ["a", "a", "b"], "bases": [True, False, False],
    ...                       "diplomacy": [True, True, False]})
    >>> theme_shares(flags, themes=["bases", "diplomacy"]).iloc[:, :5]
      doc_id      theme  sentences  matched  share
    0      a      bases          2        1    0.5
    1      a  diplomacy          2        2    1.0
    2      b      bases          1        0    0.0
    3      b  diplomacy          1        0    0.0
    """
    made_by = "newscorpus.keywords.theme_counts.theme_sentences"
    columns = check_by(check_table(flags, [], "flags", made_by), by)
    if themes is None:
        names = list(flags.attrs.get("themes") or
                     [c for c in flags.columns if flags[c].dtype == bool and c not in columns])
    else:
        names = [t.name if isinstance(t, Theme) else t for t in themes]
    missing = [n for n in names if n not in flags.columns]
    if not names or missing:
        raise fail("themes", f"the table has no theme column {', '.join(map(repr, missing))}"
                    if missing else "no theme column found",
                    "pass the table made by theme_sentences (merge grouping columns onto it), "
                    "or name its theme columns with themes=[...]")
    return shares_from_counts(_share_counts(flags, columns, names), columns, names)


def _share_counts(flags: pd.DataFrame, columns: list[str], names: list[str]) -> pd.DataFrame:
    grouped = flags.groupby(columns, sort=True, dropna=False)
    counts = grouped[names].sum().astype("int64")
    counts.insert(0, SENTENCES, grouped.size().astype("int64"))
    return counts.reset_index()


#: The column of :func:`theme_share_counts` that counts the sentences of a group.
SENTENCES = "_sentences"


def theme_share_counts(flags: pd.DataFrame, by: str | Sequence[str] = "doc_id",
                       themes: Sequence[Theme] | Sequence[str] | None = None) -> pd.DataFrame:
    """What :func:`theme_shares` needs, as counts that add up over parts of a corpus: the
    ``by`` columns, ``_sentences`` and, per theme, the sentences that mention it. Add up the
    counts of parts with ``groupby(by).sum()``; :func:`shares_from_counts` finishes the table.
    """
    made_by = "newscorpus.keywords.theme_counts.theme_sentences"
    columns = check_by(check_table(flags, [], "flags", made_by), by)
    names = [t.name if isinstance(t, Theme) else t for t in themes] if themes is not None \
        else list(flags.attrs.get("themes") or [])
    check_table(flags, names, "flags", made_by)
    return _share_counts(flags, columns, names)


def shares_from_counts(counts: pd.DataFrame, by: str | Sequence[str],
                       themes: Sequence[Theme] | Sequence[str]) -> pd.DataFrame:
    """The table of :func:`theme_shares` from :func:`theme_share_counts` (added up)."""
    columns = [by] if isinstance(by, str) else list(by)
    names = [t.name if isinstance(t, Theme) else t for t in themes]
    counts = counts.groupby(columns, sort=True, dropna=False)[[SENTENCES, *names]].sum()
    sizes = counts[SENTENCES]
    out = counts[names].melt(ignore_index=False, var_name="theme",
                             value_name="matched").reset_index()
    out = out.merge(sizes.rename("sentences").reset_index(), on=columns, how="left")
    out["_theme"] = out["theme"].map({n: i for i, n in enumerate(names)})
    out = out.sort_values(columns + ["_theme"], kind="stable", na_position="last")
    out["share"] = out["matched"] / out["sentences"]
    out["ci_low"], out["ci_high"] = wilson_interval(out["matched"], out["sentences"])
    out = out[columns + ["theme", "sentences", "matched", "share", "ci_low", "ci_high"]]
    return out.reset_index(drop=True).astype({"theme": "str", "sentences": "int64",
                                              "matched": "int64", "share": "float64"})


def theme_examples(matches: pd.DataFrame, sentences: pd.DataFrame, *, k: int = 2,
                   by: str | Sequence[str] = ("theme",)) -> pd.DataFrame:
    """Return the first ``k`` sentences that mention each theme, with the words that matched.

    The quickest check of a theme share is to read the sentences behind it: this gives, per
    theme (or per theme and document with ``by=("theme", "doc_id")``), the first ``k``
    matched sentences in reading order, their matched words, and their text.

    Parameters
    ----------
    matches : DataFrame
        :func:`theme_matches` of ``sentences``.
    sentences : DataFrame
        The sentence table (``doc_id``, ``sentence_id``, ``text``).
    k : int
        Sentences per group.
    by : str or sequence of str
        Columns of ``matches`` to group by; ``theme`` first.

    Returns
    -------
    DataFrame
        The ``by`` columns, ``doc_id``, ``sentence_id``, ``matched`` (the words as written,
        joined by ``; `` in order) and ``text``. Themes in order of first match.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": "a", "sentence_id": [1, 2], "text": [
    ...     "Russia keeps its naval base at Tartus.", "Talks in Geneva resumed."]})
    >>> examples = theme_examples(theme_matches(s), s, k=1)
    >>> examples[["theme", "sentence_id", "matched"]].values.tolist()
    [['bases', 1, 'naval base; Tartus'], ['diplomacy', 2, 'Talks; Geneva']]
    >>> examples["text"].tolist()
    ['Russia keeps its naval base at Tartus.', 'Talks in Geneva resumed.']
    """
    from newscorpus.base.checks import check_int

    k = check_int(k, "k", 1)
    check_table(matches, ["doc_id", "sentence_id", "theme", "match"], "matches",
                 "newscorpus.keywords.theme_counts.theme_matches")
    check_table(sentences, ["doc_id", "sentence_id", "text"], "sentences",
                 "the cleaning notebook (sentences.csv)")
    columns = list(dict.fromkeys(check_by(matches, by) + ["doc_id", "sentence_id"]))
    joined = (matches.groupby(columns, sort=False)["match"].agg("; ".join)
              .rename("matched").reset_index())
    first = joined.groupby(check_by(matches, by), sort=False).head(k)
    texts = sentences[["doc_id", "sentence_id", "text"]].drop_duplicates(["doc_id",
                                                                          "sentence_id"])
    return first.merge(texts, on=["doc_id", "sentence_id"], how="left").reset_index(drop=True)


def share_matrix(shares: pd.DataFrame, by: str,
                 themes: Sequence[Theme] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return :func:`theme_shares` as two wide tables, themes by groups: shares and counts.

    Rows are themes in dictionary order, labelled with their ``label`` when ``themes`` is
    given; columns are the values of ``by`` in the order they appear. The second table holds
    the matched sentences behind each share, for a heat map's ``counts``.

    Examples
    --------
    >>> flags = pd.DataFrame({"period": ["a", "a", "b"], "bases": [True, False, False],
    ...                       "diplomacy": [True, True, False]})
    >>> share, matched = share_matrix(theme_shares(flags, by="period"), "period")
    >>> share.to_dict("index")
    {'bases': {'a': 0.5, 'b': 0.0}, 'diplomacy': {'a': 1.0, 'b': 0.0}}
    >>> matched.loc["diplomacy"].tolist()
    [2, 0]
    """
    check_table(shares, [by, "theme", "share", "matched"], "shares",
                 "newscorpus.keywords.theme_counts.theme_shares")
    rows = list(dict.fromkeys(shares["theme"]))
    columns = list(dict.fromkeys(shares[by]))
    wide = [shares.pivot(index="theme", columns=by, values=v).reindex(index=rows,
                                                                      columns=columns)
            for v in ("share", "matched")]
    if themes is not None:
        labels = {t.name: t.label for t in themes}
        wide = [w.rename(index=labels) for w in wide]
    return wide[0], wide[1].astype("int64")
