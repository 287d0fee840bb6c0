"""Finding terms in text: the one matcher of themes, concordance, dispersion, actors and motives.

One rule, written for English news text:

* **Words.** A term is a word or a phrase. It matches whole words, and a hyphenated word is
  read as its parts: ``base`` finds "base" and "air-base" but not "database", "bases" or
  "based"; ``Assad`` finds "Assad" and "al-Assad". A hyphen in a term stands for a hyphen or a
  space (``al-Assad`` finds "al Assad"), and so does a space.
* **Phrases.** The words of a phrase follow each other in the text with only spaces or hyphens
  between them: ``naval base`` does not match "naval, base".
* **Case.** A term written in capitals (``US``, ``IS``, ``U.S.``, ``UN``) matches only in
  capitals, so ``US`` is not the pronoun "us". Any other term matches in any case: ``russia``
  and ``Russia`` find "Russia" and "RUSSIA". In a text (almost) all in capitals, such as a
  headline, capitals say nothing, and terms in capitals are not matched there.
* **Possessives** need no listing and belong to the match: ``Russia`` finds "Russia's" and
  "Russia’s"; ``Russians`` finds "Russians'".
* **Wildcards.** A ``*`` ending a word lets that word go on: ``negotiat*`` finds
  "negotiations" and "negotiated". Ask for it only where every continuation is wanted
  (``base*`` finds "based").
* **Overlaps.** Matches do not overlap: the one that starts first wins, then the one of more
  words, then the term listed first. *Exclusions* are phrases in which
  the terms do not count: a match overlapping an exclusion is dropped (``Washington Post`` is
  not Washington, ``the West Bank`` is not the West).

Words can be compared three ways (``compare``): ``words``, the rule above (the default);
``stems``, Porter stems of the lower-cased words, so ``negotiations`` also finds "negotiated"
(a wildcard compares the letters typed); ``as_is``, the forms given, unchanged, for a column of
the token table that is already lower-cased or stemmed.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Sequence

from newscorpus.base.checks import check_choice, fail
from newscorpus.base.errors import ParameterError, Problem
from newscorpus.base.words import WORD_RE, stem, tokenize, written_in_capitals

__all__ = ["COMPARE", "TermMatcher"]

#: The ways :class:`TermMatcher` can compare words.
COMPARE = ("words", "stems", "as_is")

_HYPHENS = r"\-‐‑"  # inside a character class
_APOSTROPHES = "'’ʼ"
_NOT_BEFORE = rf"(?<![^\W_])(?<![^\W_][{_APOSTROPHES}.])"
_POSSESSIVE = rf"(?:[{_APOSTROPHES}][sS](?![^\W_])|(?<=[sS])[{_APOSTROPHES}](?![^\W_]))?"
_NOT_AFTER = rf"(?![^\W_])(?![{_APOSTROPHES}.][^\W_])"
_BETWEEN = rf"[\s{_HYPHENS}]+"
_POSSESSIVE_END = re.compile(rf"(?:[{_APOSTROPHES}][sS]|(?<=[sS])[{_APOSTROPHES}])$")


def in_capitals(term: str) -> bool:
    """Whether ``term`` is written in capitals, and so matches only in capitals.

    Examples
    --------
    >>> in_capitals("U.S."), in_capitals("IS"), in_capitals("Russia"), in_capitals("2254")
    (True, True, False, False)
    """
    body = term.replace("*", "")
    return any(c.isalpha() for c in body) and body == body.upper()


class TermMatcher:
    """Find terms in texts or in sequences of words, by the rule of the module docstring.

    Parameters
    ----------
    terms : iterable of str
        The terms, in order of preference.
    exclude : iterable of str
        Phrases in which a term does not count.
    compare : {'words', 'stems', 'as_is'}
        How words are compared (see the module docstring).
    parameter : str
        The parameter named in error messages.

    Raises
    ------
    ParameterError
        For a term that is empty, not a string, has no word, or has ``*`` inside a word.

    Examples
    --------
    >>> m = TermMatcher(["naval base", "base", "negotiat*", "US", "Assad"])
    >>> text = "The US naval base hosted us for negotiations at the base's gate, al-Assad said."
    >>> [(text[a:b], m.terms[k]) for a, b, k in m.find_text(text)]
    [('US', 'US'), ('naval base', 'naval base'), ('negotiations', 'negotiat*'), \
("base's", 'base'), ('Assad', 'Assad')]
    >>> [(i, j, m.terms[k]) for i, j, k in m.find(["The", "US", "naval", "base", "al-Assad"])]
    [(1, 2, 'US'), (2, 4, 'naval base'), (4, 5, 'Assad')]
    """

    def __init__(self, terms: Iterable[str], *, exclude: Iterable[str] = (),
                 compare: str = "words", parameter: str = "terms"):
        self.compare = check_choice(compare, COMPARE, "compare")
        terms = [terms] if isinstance(terms, str) else list(terms)
        exclude = [exclude] if isinstance(exclude, str) else list(exclude)
        problems: list[Problem] = []
        parsed = []
        for term in [*terms, *exclude]:
            try:
                parsed.append(self._parse(term, parameter))
            except ParameterError as exc:
                problems.extend(exc.problems)
        if problems:
            raise ParameterError(problems)
        if not terms:
            raise fail(parameter, "no term given", "pass one or more words or phrases")
        self.terms: list[str] = terms
        self.exclude: list[str] = exclude
        self._words = parsed  # per term: list of (part, wildcard) pairs, exclusions after terms

    # --- parsing ------------------------------------------------------------------------------

    def _parse(self, term: object, parameter: str) -> list[tuple[str, bool]]:
        where = f"parameter '{parameter}'"
        if not isinstance(term, str):
            raise ParameterError(Problem(where, f"the term {term!r} is not text",
                                         "write every term as a string"))
        if not term.strip():
            raise ParameterError(Problem(where, "a term is empty",
                                         "remove it or write a word or phrase"))
        words: list[tuple[str, bool]] = []
        for chunk in term.split():
            body = chunk[:-1] if chunk.endswith("*") else chunk
            parts = tokenize(body)
            if self.compare != "as_is":
                parts = [p for t in parts for p in re.split(f"[{_HYPHENS}]", t) if p]
            if "*" in body or not parts:
                wrong = "a * inside a word" if "*" in body else "a part with no letter or digit"
                raise ParameterError(Problem(
                    where, f"the term {term!r} has {wrong} ({chunk!r})",
                    "write words of letters or digits; * may only end a word (negotiat*)"))
            words.extend((part, chunk.endswith("*") and i == len(parts) - 1)
                         for i, part in enumerate(parts))
            if body.endswith(".") and self.compare == "words" and ("." in parts[-1]
                                                                  or len(parts[-1]) < 4):
                words[-1] = (words[-1][0] + ".", words[-1][1])  # an abbreviation's full stop
        return words

    # --- regular expressions ------------------------------------------------------------------

    def _pattern(self, index: int) -> str:
        """The body of one term's regular expression; the boundaries are shared (_regexes)."""
        words = self._words[index]
        if self.compare != "words":
            forms = [(w if wild or self.compare == "as_is" else stem(w.lower()), wild)
                     for w, wild in words]
            return " ".join(re.escape(f) + (r"\S*" if wild else "") for f, wild in forms)
        pieces = []
        for word, wild in words:
            piece = "".join(f"[{_APOSTROPHES}]" if c in _APOSTROPHES else re.escape(c)
                            for c in word)
            if piece.endswith(r"\."):  # U.S.: the final full stop may be the sentence's
                piece += "?"
            pieces.append(piece + (r"[^\W_]*" if wild else ""))
        body = _BETWEEN.join(pieces)
        term = (self.terms + self.exclude)[index]
        return body if in_capitals(term) else f"(?i:{body})"

    def _compile(self, order: list[int]) -> re.Pattern:
        """One regular expression for the terms ``order``, in order of preference.

        The boundaries stand once, outside the alternation, and the terms are grouped by their
        first letter behind a one-character lookahead, so at each position only the terms that
        can start there are tried: many times faster than an alternation of whole patterns.
        Each term keeps a group of its own; group ``i + 1`` is ``order[i]``.
        """
        by_first: dict[str, list[tuple[int, str]]] = {}
        for group, k in enumerate(order, 1):
            first = self._words[k][0][0][0]
            key = first if self.compare != "words" else first.casefold()
            by_first.setdefault(key, []).append((group, f"({self._pattern(k)})"))
        alternatives = []
        for key, entries in by_first.items():
            chars = sorted({key, key.upper(), key.lower()} if self.compare == "words" else {key})
            chars = [c for c in chars if len(c) == 1]
            inner = "|".join(body for _, body in entries)
            alternatives.append(f"(?=[{''.join(map(re.escape, chars))}])(?:{inner})")
        # Groups must be numbered in order of preference: renumber by building in that order.
        body = "|".join(alternatives)
        if self.compare != "words":
            return re.compile(rf"(?<!\S)(?:{body})(?!\S)")
        return re.compile(f"{_NOT_BEFORE}(?:{body}){_POSSESSIVE}{_NOT_AFTER}")

    def _order(self, indices: Iterable[int]) -> list[int]:
        return sorted(indices, key=lambda k: (-len(self._words[k]), k))

    @functools.cached_property
    def _regexes(self) -> dict[str, tuple[re.Pattern, list[int]] | None]:
        """Alternations of the terms (with and without the capital-only ones) and exclusions.

        Each term is one group, in order of preference, so at a position the first
        alternative that matches is the preferred match; ``order[group - 1]`` is its index.
        """
        n = len(self.terms)
        groups = {"all": range(n),
                  "no_capitals": [k for k in range(n) if not in_capitals(self.terms[k])],
                  "exclude": range(n, n + len(self.exclude))}
        out: dict[str, tuple[re.Pattern, list[int]] | None] = {}
        for name, indices in groups.items():
            order = self._order(indices)
            if not order:
                out[name] = None
                continue
            # Group numbers follow the order the alternatives are written in, first letter by
            # first letter; record which term each group is.
            by_first: dict[str, list[int]] = {}
            for k in order:
                first = self._words[k][0][0][0]
                by_first.setdefault(first if self.compare != "words" else first.casefold(),
                                    []).append(k)
            written = [k for ks in by_first.values() for k in ks]
            out[name] = (self._compile(written), written)
        return out

    # --- finding --------------------------------------------------------------------------------

    def _spans(self, text: str, which: str) -> list[tuple[int, int, int]]:
        compiled = self._regexes[which]
        if compiled is None:
            return []
        regex, order = compiled
        return [(m.start(), m.end(), order[m.lastindex - 1]) for m in regex.finditer(text)]

    def _search(self, text: str) -> list[tuple[int, int, int]]:
        capitals = self.compare == "words" and written_in_capitals(text)
        found = self._spans(text, "no_capitals" if capitals else "all")
        if found and self.exclude:
            vetoes = self._spans(text, "exclude")
            found = [m for m in found if not any(a < m[1] and m[0] < b for a, b, _ in vetoes)]
        return found

    def find_text(self, text: str) -> list[tuple[int, int, int]]:
        """Return ``(start, end, term index)`` of each match in ``text``, left to right.

        ``text[start:end]`` is the match as written, its possessive ending included. With
        ``compare='stems'`` or ``'as_is'``, the text is first split into words
        (:data:`~newscorpus.base.words.WORD_PATTERN`) and the words compared.
        """
        if self.compare == "words":
            return self._search(text)
        spans = [m.span() for m in WORD_RE.finditer(text)]
        return [(spans[i][0], spans[j - 1][1], k)
                for i, j, k in self.find([text[a:b] for a, b in spans])]

    def find(self, words: Sequence[str]) -> list[tuple[int, int, int]]:
        """Return ``(first, end, term index)`` of each match in a sequence of ``words``.

        ``words[first:end]`` are the words matched; a match inside a hyphenated word
        (``Assad`` in "al-Assad") reports that word. The words are read as consecutive, with
        nothing between them but a space.
        """
        if self.compare == "stems":
            words = [stem(_POSSESSIVE_END.sub("", w.lower()) or w.lower()) for w in words]
        text = " ".join(words)
        starts = list(itertools.accumulate((len(w) + 1 for w in words[:-1]), initial=0))
        out = []
        for a, b, k in self._search(text):
            first = bisect.bisect_right(starts, a) - 1
            out.append((first, bisect.bisect_right(starts, b - 1), k))
        return out
