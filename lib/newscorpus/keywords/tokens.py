"""The tokens to count: choose sentences and roles, add document columns, show stems as words."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from newscorpus.base.checks import READ_FIX, check_table, fail

#: The token-table columns that can be counted.
COLUMNS = ("term", "lower", "stem", "token")


def _check_stop(tokens: pd.DataFrame) -> np.ndarray:
    stop = tokens["stop"]
    if stop.dtype != bool:
        raise fail("tokens", f"column 'stop' should hold True/False, but its type is "
                    f"{stop.dtype}", READ_FIX)
    return stop.to_numpy()


def _ordered(tokens: pd.DataFrame) -> pd.DataFrame:
    """Tokens in reading order: documents as they first appear, then sentence and position."""
    doc = pd.factorize(tokens["doc_id"])[0]
    order = np.lexsort((tokens["position"].to_numpy(), tokens["sentence_id"].to_numpy(), doc))
    if (np.diff(order) == 1).all():
        return tokens
    return tokens.iloc[order]


def select_tokens(tokens: pd.DataFrame, sentences: pd.DataFrame, *,
                  documents: pd.DataFrame | None = None, attach: str | Sequence[str] = (),
                  extra_stop_words: Iterable[str] = (), parameter: str = "group_by"
                  ) -> pd.DataFrame:
    """Return the tokens of the given sentences, with document columns and extra stop words.

    Parameters
    ----------
    tokens : DataFrame
        The token table (``tokens.csv`` of the cleaning notebook).
    sentences : DataFrame
        The sentences to keep (``doc_id``, ``sentence_id``), e.g. those of chosen roles.
    documents : DataFrame, optional
        One row per ``doc_id`` (``documents.csv``, perhaps with a ``period`` column added).
    attach : str or sequence of str
        Columns of ``documents`` copied onto each token, to count by them.
    extra_stop_words : iterable of str
        Words whose tokens are flagged ``stop`` as well (compared in lower case), on top of
        those the token table already flags.
    parameter : str
        The parameter named when an ``attach`` column does not exist.

    Returns
    -------
    DataFrame
        The kept tokens in their table order, with the ``attach`` columns.

    Raises
    ------
    ParameterError
        If an ``attach`` column is not in ``documents`` (its columns are listed), or a token's
        document has no row there.

    Examples
    --------
    >>> tokens = pd.DataFrame({"doc_id": "a", "sentence_id": [1, 2, 2], "position": [0, 0, 1],
    ...     "lower": ["by", "russia", "says"], "stop": [True, False, False]})
    >>> docs = pd.DataFrame({"doc_id": ["a"], "kind": ["article"]})
    >>> select_tokens(tokens, pd.DataFrame({"doc_id": ["a"], "sentence_id": [2]}),
    ...               documents=docs, attach="kind", extra_stop_words=["Says"])
      doc_id  sentence_id  position   lower   stop     kind
    0      a            2         0  russia  False  article
    1      a            2         1    says   True  article
    """
    check_table(tokens, ["doc_id", "sentence_id", "lower", "stop"], "tokens")
    check_table(sentences, ["doc_id", "sentence_id"], "sentences",
                 "the cleaning notebook (sentences.csv)")
    keys = sentences[["doc_id", "sentence_id"]].drop_duplicates()
    kept = tokens.merge(keys, on=["doc_id", "sentence_id"], how="inner", sort=False)
    extra = {str(w).strip().lower() for w in extra_stop_words if str(w).strip()}
    if extra:
        kept["stop"] = _check_stop(kept) | kept["lower"].str.lower().isin(extra).to_numpy()
    columns = [attach] if isinstance(attach, str) else list(attach)
    if columns:
        if documents is None:
            raise fail(parameter, "no document table given to take the columns from",
                        "pass documents=<documents.csv as read by read_table>")
        check_table(documents, ["doc_id"], "documents", "the corpus notebook (documents.csv)")
        unknown = [c for c in columns if c not in documents.columns]
        if unknown:
            raise fail(parameter, f"the documents have no column "
                        f"{', '.join(map(repr, unknown))}",
                        f"use one of {', '.join(c for c in documents.columns if c != 'doc_id')}")
        extra_columns = [c for c in columns if c not in kept.columns]
        kept = kept.merge(documents[["doc_id", *extra_columns]], on="doc_id", how="left",
                          validate="many_to_one", indicator="_found")
        missing = sorted(set(kept.loc[kept["_found"] == "left_only", "doc_id"]))
        if missing:
            raise fail("documents", f"no row for document(s) {', '.join(missing[:5])}",
                        "read documents.csv and tokens.csv from the same run")
        kept = kept.drop(columns="_found")
    return kept.reset_index(drop=True)


def form_counts(tokens: pd.DataFrame, *, column: str = "term",
                form: str = "lower") -> pd.DataFrame:
    """How often each ``column`` value is written in each ``form``: what :func:`label_terms`
    labels terms from, as counts that add up over parts of a corpus.

    Returns ``term``, ``form`` (possessive ending removed), ``stop`` (the tokens' flag; False
    without a ``stop`` column) and ``n``.

    Examples
    --------
    >>> tokens = pd.DataFrame({"term": ["militari", "militari", "forc"],
    ...                        "lower": ["military", "military's", "forces"]})
    >>> form_counts(tokens)
           term      form   stop  n
    0      forc    forces  False  1
    1  militari  military  False  2
    """
    from newscorpus.base.words import _POSSESSIVE_END

    check_table(tokens, [column, form], "tokens")
    stop = (tokens["stop"].to_numpy(dtype=bool)
            if "stop" in tokens.columns and tokens["stop"].dtype == bool
            else np.zeros(len(tokens), dtype=bool))
    bare = tokens[form].astype(str).str.replace(_POSSESSIVE_END, "", regex=True)
    frame = pd.DataFrame({"term": tokens[column].to_numpy(dtype=object),
                          "form": bare.to_numpy(), "stop": stop})
    counted = frame.groupby(["term", "form", "stop"], sort=True).size().rename("n")
    return counted.reset_index().astype({"term": "str", "form": "str", "stop": "bool",
                                         "n": "int64"})


def add_form_counts(parts: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """:func:`form_counts` of parts of a corpus, added up: those of the whole."""
    frame = pd.concat(parts, ignore_index=True)
    counted = frame.groupby(["term", "form", "stop"], sort=True)["n"].sum()
    return counted.reset_index().astype({"n": "int64"})


def label_terms(table: pd.DataFrame, tokens: pd.DataFrame | None = None, *,
                column: str = "term", form: str = "lower", name: str = "label",
                forms: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return ``table`` with a readable ``label`` beside each (stemmed) ``term``.

    A stem such as ``militari`` is what is counted, but not what a reader should see. Each
    word of a term is shown as its most frequent written form among the tokens it was counted
    from (``military``; tokens flagged ``stop`` are left out when the term has others), with a
    possessive ending removed; equal counts go to the alphabetically first form, so labels
    are stable. An n-gram is labelled word by word
    (``arm faction`` -> ``armed factions``). Counts stay those of ``term``.

    Parameters
    ----------
    table : DataFrame
        Any table with a ``term`` column (frequencies, TF-IDF, keyness).
    tokens : DataFrame, optional
        The token table the terms were counted from (columns ``column`` and ``form``).
    column : str
        The token column that holds the counted terms.
    form : str
        The token column whose most frequent value labels a term (``lower`` or ``token``).
    name : str
        The name of the new column, inserted just after ``term``.
    forms : DataFrame, optional
        Instead of ``tokens``: their :func:`form_counts` (added up over parts of a corpus
        with :func:`add_form_counts`), which give the same labels.

    Examples
    --------
    >>> tokens = pd.DataFrame({"term": ["militari", "militari", "militari", "forc"],
    ...                        "lower": ["military", "military's", "militaries", "forces"]})
    >>> label_terms(pd.DataFrame({"term": ["militari forc", "forc"]}), tokens)
                term            label
    0  militari forc  military forces
    1           forc           forces
    """
    check_table(table, ["term"], "table", "newscorpus.keywords.counts.frequencies")
    if forms is None:
        if tokens is None:
            raise fail("tokens", "neither the tokens nor their form counts were given",
                        "pass the token table, or forms=form_counts(tokens)")
        forms = form_counts(tokens, column=column, form=form)
    check_table(forms, ["term", "form", "stop", "n"], "forms",
                "newscorpus.keywords.tokens.form_counts")
    # Label from the tokens that were counted: "US" (the country), not the pronoun "us".
    counted_terms = set(forms.loc[~forms["stop"], "term"])
    kept = forms[~forms["stop"] | ~forms["term"].isin(counted_terms)]
    counted = (kept.groupby(["term", "form"], sort=False)["n"].sum().reset_index()
               .sort_values(["term", "n", "form"], ascending=[True, False, True], kind="stable"))
    best = dict(counted.drop_duplicates("term")[["term", "form"]].itertuples(index=False))
    labels = [" ".join(best.get(word, word) for word in str(term).split(" "))
              for term in table["term"]]
    out = table.copy()
    out.insert(out.columns.get_loc("term") + 1, name, pd.array(labels, dtype="str"))
    return out
