"""Words: the tokenizer, stop words, the English word list, stems and text in capitals."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from newscorpus.base.paths import data_file

#: A word: a number with its separators (``3,000``, ``2.5``), or letters and digits with inner
#: hyphens, apostrophes or full stops kept (``al-Assad``, ``Russia's``, ``U.S``).
#: Punctuation and symbols are not words.
WORD_PATTERN = r"\d+(?:[.,]\d+)+|[^\W_]+(?:[-'’.][^\W_]+)*"


WORD_RE = re.compile(WORD_PATTERN)


def stop_words(extra: Iterable[str] = ()) -> frozenset[str]:
    """Return the English stop words, lower-cased, with ``extra`` words added.

    Parameters
    ----------
    extra : iterable of str, optional
        Further words to treat as stop words (compared lower-cased).

    Returns
    -------
    frozenset of str

    Examples
    --------
    >>> words = stop_words(extra=["Syria"])
    >>> "the" in words, "syria" in words, "russia" in words
    (True, True, False)
    """
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | {w.strip().lower() for w in extra if w.strip()}


def tokenize(text: str) -> list[str]:
    """Split ``text`` into word tokens with :data:`WORD_PATTERN`, keeping their case.

    Examples
    --------
    >>> tokenize("Russia's U.S. policy: al-Assad, 3,000 tons.")
    ["Russia's", 'U.S', 'policy', 'al-Assad', '3,000', 'tons']
    """
    return WORD_RE.findall(text)


#: How many of wordfreq's most frequent English words count as words of the language.
ENGLISH_WORDS_SIZE = 100_000


_CLITIC = re.compile(r"['’](?:s|t|re|ve|ll|d|m)$")


@functools.cache
def english_words() -> frozenset[str]:
    """Return the lower-case English word list used to tell words from fragments and noise.

    The :data:`ENGLISH_WORDS_SIZE` most frequent words of ``wordfreq``'s English list, with
    straight apostrophes. One- and two-letter entries are kept only if they are listed in
    ``data/short_words_en.txt`` (wordfreq counts ``ed`` and ``th``, which in scraped text are
    mostly pieces of broken words).

    Examples
    --------
    >>> words = english_words()
    >>> "launched" in words, "ed" in words, "it's" in words, "zxbun" in words
    (True, False, True, False)
    """
    import wordfreq

    lines = data_file("short_words_en.txt").read_text(encoding="utf-8").splitlines()
    short = {line.split("#", 1)[0].strip() for line in lines} - {""}
    words = {w.replace("’", "'") for w in wordfreq.top_n_list("en", ENGLISH_WORDS_SIZE)}
    return frozenset(w for w in words if len(w) > 2 or w in short) | short


@functools.lru_cache(maxsize=500_000)
def is_word(token: str) -> bool:
    """Return whether ``token`` is an English word (case-insensitive; see :func:`english_words`).

    A word with a clitic (``Russia's``, ``don't``) counts if the word without it does, so a
    fragment such as ``t's`` (from ``I t's``) does not.

    Examples
    --------
    >>> [is_word(t) for t in ["Launched", "ed", "t's", "Russia's", "I"]]
    [True, False, False, True, True]
    """
    word = _CLITIC.sub("", token.lower().replace("’", "'"))
    return word in english_words()


@functools.cache
def stemmer():
    """Return NLTK's Porter stemmer (pure algorithm, no data files).

    Examples
    --------
    >>> stemmer().stem("negotiations")
    'negoti'
    """
    from nltk.stem import PorterStemmer

    return PorterStemmer()


#: A possessive ending: ``'s`` or ``’s``, or a bare apostrophe after an ``s`` (``rebels'``).
_POSSESSIVE_END = re.compile(r"(?:['’][sS]|(?<=[sS])['’])$")
#: The Arabic article written before a name: ``al-`` or ``el-`` (any case), then a name of at
#: least two letters (``al-Assad``, ``Al-Nusra``, ``el-Sisi``).
_ARABIC_ARTICLE = re.compile(r"^[aAeE][lL]-(?=[^\W\d_]{2})")


def base_form(word: str) -> str:
    """Return ``word`` without a possessive ending and without an Arabic article before a name.

    ``al-Assad``, ``Al-Assad``, ``Assad`` and ``Assad's`` are one name, written four ways; so
    are ``el-Sisi`` and ``Sisi``. The case is kept. Words of other languages or English words
    with a hyphen (``all-out``, ``eld-er``) are not touched: only ``al-``/``el-`` followed by
    letters is an article.

    Examples
    --------
    >>> [base_form(w) for w in ["al-Assad", "Al-Assad's", "Assad's", "el-Sisi", "rebels'"]]
    ['Assad', 'Assad', 'Assad', 'Sisi', 'rebels']
    >>> [base_form(w) for w in ["all-out", "al-", "Al-7", "Russia"]]
    ['all-out', 'al-', 'Al-7', 'Russia']
    """
    word = _POSSESSIVE_END.sub("", word) or word
    return _ARABIC_ARTICLE.sub("", word)


@functools.lru_cache(maxsize=200_000)
def stem(word: str, *, keep_case: bool = False) -> str:
    """Return the Porter stem of ``word``, lower-cased, cached: a corpus repeats its words.

    A possessive ending and an Arabic article are removed first (:func:`base_form`), so
    ``Russia's`` counts as ``russia`` and ``al-Assad`` as ``assad``. A word with a
    full stop or a digit is an abbreviation or a code, not an inflected word: it is not
    stemmed (Porter would cut ``u.s`` to ``u.``), and an abbreviation loses its full stops, so
    ``U.S`` and ``US`` are one term. ``keep_case=True`` keeps the case of the letters.

    Examples
    --------
    >>> stem("Negotiations"), stem("Russia's"), stem("rebels’"), stem("U.S"), stem("Su-24s")
    ('negoti', 'russia', 'rebel', 'us', 'su-24s')
    >>> stem("Russians", keep_case=True), stem("U.N", keep_case=True), stem("Al-Assad's")
    ('Russian', 'UN', 'assad')
    """
    word = base_form(word)
    if any(ch.isdigit() for ch in word):
        return word if keep_case else word.lower()
    if "." in word:
        word = word.replace(".", "")
        return word if keep_case else word.lower()
    return stemmer().stem(word, to_lowercase=not keep_case)


def written_in_capitals(text: str) -> bool:
    """Whether ``text`` is written (almost) all in capitals: 8 letters or more, 80% capitals.

    In such a text (a shouted headline) capitals say nothing about a word: ``US`` may be the
    pronoun and ``IS`` the verb.

    Examples
    --------
    >>> written_in_capitals("WHAT IS RUSSIA DOING IN SYRIA?"), written_in_capitals("The US said")
    (True, False)
    """
    letters = sum(map(str.isalpha, text))
    return letters >= 8 and sum(map(str.isupper, text)) >= 0.8 * letters
