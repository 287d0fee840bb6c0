"""Words in their context: collocations, keywords in context (KWIC) and lexical dispersion.

Terms are looked up with :class:`TermMatcher`, which :mod:`newscorpus.keywords.themes` uses too:

* a term is a word or a phrase of consecutive words, split like the text
  (:func:`newscorpus.base.words.tokenize`), so it matches whole words only: ``base`` does not
  match ``database`` or ``bases``; a hyphenated word (``al-Assad``) is one word;
* a trailing ``*`` makes a word a prefix: ``negotiat*`` matches ``negotiations``;
* a possessive ``'s`` is ignored: ``russia`` matches ``Russia's``;
* where several terms match at the same word, the longest wins, and matches do not overlap
  (``naval base`` is found once, not also as ``base``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from newscorpus.base.checks import (
    check_choice,
    fail,
)
from newscorpus.base.errors import ParameterError, Problem
from newscorpus.base.words import stem, tokenize

__all__ = ["TermMatcher"]

_POSSESSIVE = re.compile(r"['’][sS]$")


_MODES = ("lower", "token", "stem", "auto", "as_is")


def _strip(form: str) -> tuple[str, ...]:
    bare = _POSSESSIVE.sub("", form)
    return (form,) if bare == form or not bare else (form, bare)


class TermMatcher:
    """Find words, phrases and ``*`` wildcards in sequences of tokens (see the module docstring).

    Parameters
    ----------
    terms : iterable of str
        The terms, in order of preference (the first of two equally long matches wins).
    mode : {'lower', 'token', 'stem', 'auto', 'as_is'}
        How words are compared: ``lower`` ignores case; ``token`` respects it; ``stem``
        compares Porter stems (a wildcard word is compared as typed, lower-cased); ``auto``
        ignores case for a word written in lower case and respects it for a word with a
        capital (so ``US`` does not match the pronoun ``us``); ``as_is`` compares the forms
        given to :meth:`find` with the terms unchanged.
    parameter : str
        The parameter named in error messages.

    Raises
    ------
    ParameterError
        For a term that is empty, not a string, has no word, or has ``*`` inside a word.

    Examples
    --------
    >>> m = TermMatcher(["naval base", "base", "negotiat*", "US"], mode="auto")
    >>> words = "The US naval base hosted us for negotiations at the base's gate".split()
    >>> [(i, j, m.terms[k]) for i, j, k in m.find(words)]
    [(1, 2, 'US'), (2, 4, 'naval base'), (7, 8, 'negotiat*'), (10, 11, 'base')]
    """

    def __init__(self, terms: Iterable[str], mode: str = "lower", parameter: str = "terms"):
        check_choice(mode, _MODES, "mode")
        self.mode = mode
        self.terms: list[str] = []
        self.patterns: list[tuple[tuple[str, bool, int], ...]] = []
        if isinstance(terms, str):
            terms = [terms]
        problems = []
        for term in terms:
            try:
                pattern = self._parse(term, parameter)
            except ParameterError as exc:
                problems.extend(exc.problems)
                continue
            self.terms.append(term)
            self.patterns.append(pattern)
        if problems:
            raise ParameterError(problems)
        if not self.patterns:
            raise fail(parameter, "no term given", "pass one or more words or phrases")
        self._exact: dict[tuple[int, str], list[int]] = {}
        self._prefix: list[int] = []
        for k, pattern in enumerate(self.patterns):
            value, prefix, space = pattern[0]
            if prefix:
                self._prefix.append(k)
            else:
                self._exact.setdefault((space, value), []).append(k)
        self._prefixes = tuple(self.patterns[k][0][0] for k in self._prefix)
        # A regular expression per case space that finds, in C, the longest (so likely the
        # rarest) word of each term: a text without any cannot match (see could_match).
        self._quick: list[re.Pattern | None] = [None, None]
        if mode in ("lower", "token", "auto"):
            keys = [max(p, key=lambda w: len(w[0])) for p in self.patterns]
            for space in (0, 1):
                words = sorted({w[0] for w in keys if w[2] == space}, key=lambda v: (-len(v), v))
                if words:
                    self._quick[space] = re.compile(
                        r"(?<![^\W_])(?:" + "|".join(map(re.escape, words)) + ")")

    def _parse(self, term: object, parameter: str) -> tuple[tuple[str, bool, int], ...]:
        where = f"parameter '{parameter}'"
        if not isinstance(term, str):
            raise ParameterError(Problem(where, f"the term {term!r} is not text",
                                         "write every term as a string"))
        if not term.strip():
            raise ParameterError(Problem(where, "a term is empty",
                                         "remove it or write a word or phrase"))
        words: list[tuple[str, bool, int]] = []
        for chunk in term.split():
            body = chunk[:-1] if chunk.endswith("*") else chunk
            parts = tokenize(body)
            if "*" in body or not parts:
                wrong = "a * inside a word" if "*" in body else "a part with no letter or digit"
                raise ParameterError(Problem(
                    where, f"the term {term!r} has {wrong} ({chunk!r})",
                    "write words of letters or digits; * may only end a word (negotiat*)"))
            for i, part in enumerate(parts):
                prefix = chunk.endswith("*") and i == len(parts) - 1
                words.append(self._word(part, prefix))
        return tuple(words)

    def _word(self, word: str, prefix: bool) -> tuple[str, bool, int]:
        if self.mode == "auto":  # a capital makes the word case-sensitive (space 1)
            return (word, prefix, int(word != word.lower()))
        if self.mode == "lower" or (self.mode == "stem" and prefix):
            return (word.lower(), prefix, 0)
        if self.mode == "stem":
            return (stem(word.lower()), prefix, 0)
        return (word, prefix, 0)

    def forms(self, tokens: Sequence[str]) -> list[list[tuple[str, ...]]]:
        """Return the forms of ``tokens`` compared with the terms (one list per case space)."""
        if self.mode in ("lower", "auto"):
            lower = [_strip(t.lower()) for t in tokens]
            return [lower, [_strip(t) for t in tokens]] if self.mode == "auto" else [lower]
        if self.mode == "token":
            return [[_strip(t) for t in tokens]]
        if self.mode == "stem":
            return [[tuple(dict.fromkeys(stem(f) for f in _strip(t.lower()))) for t in tokens]]
        return [[(t,) for t in tokens]]

    def could_match(self, text: str, lower: str | None = None) -> bool:
        """Return False only if no term can match in ``text`` (a fast test before tokenising).

        ``lower`` may pass ``text.lower()`` computed before. Always True in ``stem`` and
        ``as_is`` modes, where forms need not appear in the text.
        """
        if self.mode in ("stem", "as_is"):
            return True
        in_lower = self.mode in ("lower", "auto")
        if self._quick[0] is not None:
            haystack = (text.lower() if lower is None else lower) if in_lower else text
            if self._quick[0].search(haystack):
                return True
        return self._quick[1] is not None and self._quick[1].search(text) is not None

    @staticmethod
    def _hit(word: tuple[str, bool, int], forms: list[list[tuple[str, ...]]], i: int) -> bool:
        value, prefix, space = word
        if prefix:
            return any(f.startswith(value) for f in forms[space][i])
        return value in forms[space][i]

    def find(self, tokens: Sequence[str], *, forms: list | None = None,
             overlap: bool = False) -> list[tuple[int, int, int]]:
        """Return ``(first, end, term index)`` of each match in ``tokens``, left to right.

        ``tokens[first:end]`` is the matched run of words. ``forms`` may pass
        :meth:`forms` of ``tokens`` computed before (to share them between matchers of the
        same mode). With ``overlap``, the longest match starting at *every* word is returned,
        so matches may overlap.
        """
        forms = self.forms(tokens) if forms is None else forms
        n, out, i = len(tokens), [], 0
        while i < n:
            candidates = [k for space, space_forms in enumerate(forms)
                          for f in space_forms[i] for k in self._exact.get((space, f), ())]
            if self._prefixes and any(f.startswith(self._prefixes) for fs in forms
                                      for f in fs[i]):
                candidates += [k for k in self._prefix if self._hit(self.patterns[k][0], forms, i)]
            if not candidates:
                i += 1
                continue
            best, size = -1, 0
            for k in sorted(set(candidates)):
                pattern = self.patterns[k]
                if len(pattern) > size and i + len(pattern) <= n and all(
                        self._hit(w, forms, i + j) for j, w in enumerate(pattern[1:], 1)):
                    best, size = k, len(pattern)
            if best >= 0:
                out.append((i, i + size, best))
            i += size if best >= 0 and not overlap else 1
        return out


# --- keywords in context ----------------------------------------------------------------------


# --- collocations -----------------------------------------------------------------------------


# --- dispersion -------------------------------------------------------------------------------


