"""Every linguistic resource the analysis uses, offline, from pinned packages or files in the repo.

Nothing here downloads. NLTK's downloader is never called and its data folders are never
searched: each resource is built from a file whose origin is recorded in :func:`describe`.

============================  ==============================================================
resource                      source
============================  ==============================================================
stop words                    scikit-learn's ``ENGLISH_STOP_WORDS`` (the list its vectorizers
                              use, so keyword counts and TF-IDF agree), plus user additions
VADER lexicon                 ``vader_lexicon.txt`` shipped in the ``vaderSentiment`` package,
                              read by NLTK's ``SentimentIntensityAnalyzer``
Pattern sentiment lexicon     ``en-sentiment.xml`` shipped in the ``textblob`` package, read
                              by its ``PatternAnalyzer`` (the second sentiment method)
sentence splitter             NLTK's Punkt algorithm with parameters built from
                              ``data/abbreviations_en.txt`` in this package (no trained model
                              is downloaded)
word tokenizer                one regular expression, :data:`WORD_PATTERN`
English word list             the 100,000 most frequent English words in ``wordfreq`` (its
                              data ships inside the package), minus one- and two-letter
                              tokens not in ``data/short_words_en.txt``
stemmer                       NLTK's Porter stemmer (an algorithm: no data files)
keyphrase stop words          ``StopwordsList/stopwords_<language>.txt`` shipped in the
                              ``yake`` package (used by YAKE keyphrases only)
============================  ==============================================================
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import metadata, resources
from pathlib import Path

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

__all__ = [
    "WORD_PATTERN",
    "abbreviations",
    "describe",
    "english_words",
    "is_word",
    "pattern_analyzer",
    "stem",
    "stemmer",
    "sentence_spans",
    "sentence_splitter",
    "sentiment_analyzer",
    "split_sentences",
    "stop_words",
    "tokenize",
    "vader_lexicon_path",
    "written_in_capitals",
    "yake_stop_words",
]

#: A word: a number with its separators (``3,000``, ``2.5``), or letters and digits with inner
#: hyphens, apostrophes or full stops kept (``al-Assad``, ``Russia's``, ``U.S``).
#: Punctuation and symbols are not words.
WORD_PATTERN = r"\d+(?:[.,]\d+)+|[^\W_]+(?:[-'’.][^\W_]+)*"
_WORD_RE = re.compile(WORD_PATTERN)


def _data_file(name: str) -> Path:
    return Path(str(resources.files("newscorpus") / "data" / name))


def _version(dist: str) -> str:
    return metadata.version(dist)


# --- stop words -------------------------------------------------------------------------------


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


def yake_stop_words(language: str = "en", extra: Iterable[str] = ()) -> frozenset[str]:
    """Return YAKE's own stop words for ``language``, lower-cased, with ``extra`` words added.

    Read from ``StopwordsList/stopwords_<language>.txt`` inside the installed ``yake`` package,
    the list YAKE was designed and evaluated with (574 English words; it has words such as
    ``say`` that scikit-learn's list lacks). Only :func:`newscorpus.keywords.keyphrases` uses it;
    counts and TF-IDF use :func:`stop_words`.

    Raises
    ------
    ParameterError
        If YAKE has no list for ``language``, naming the languages it has.

    Examples
    --------
    >>> words = yake_stop_words(extra=["Syria"])
    >>> "says" in words, "syria" in words, "" in words, len(yake_stop_words())
    (True, True, False, 574)
    """
    from newscorpus.errors import ParameterError, Problem

    folder = Path(str(resources.files("yake") / "core" / "StopwordsList"))
    path = folder / f"stopwords_{language}.txt"
    if not isinstance(language, str) or not language.isalpha() or not path.is_file():
        known = sorted(p.stem.removeprefix("stopwords_") for p in folder.glob("stopwords_*.txt"))
        raise ParameterError(Problem(
            "parameter 'language'", f"YAKE has no stop-word list for {language!r}",
            f"use one of {', '.join(known)}"))
    words = path.read_text(encoding="utf-8").lower().split("\n")
    return frozenset(w.strip() for w in words if w.strip()) | {
        w.strip().lower() for w in extra if w.strip()}


# --- tokens -----------------------------------------------------------------------------------


def tokenize(text: str) -> list[str]:
    """Split ``text`` into word tokens with :data:`WORD_PATTERN`, keeping their case.

    Examples
    --------
    >>> tokenize("Russia's U.S. policy: al-Assad, 3,000 tons.")
    ["Russia's", 'U.S', 'policy', 'al-Assad', '3,000', 'tons']
    """
    return _WORD_RE.findall(text)


# --- words ----------------------------------------------------------------------------------

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

    lines = _data_file("short_words_en.txt").read_text(encoding="utf-8").splitlines()
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


@functools.lru_cache(maxsize=200_000)
def stem(word: str, *, keep_case: bool = False) -> str:
    """Return the Porter stem of ``word``, lower-cased, cached: a corpus repeats its words.

    A possessive ending is removed first, so ``Russia's`` counts as ``russia``. A word with a
    full stop or a digit is an abbreviation or a code, not an inflected word: it is not
    stemmed (Porter would cut ``u.s`` to ``u.``), and an abbreviation loses its full stops, so
    ``U.S`` and ``US`` are one term. ``keep_case=True`` keeps the case of the letters.

    Examples
    --------
    >>> stem("Negotiations"), stem("Russia's"), stem("rebels’"), stem("U.S"), stem("Su-24s")
    ('negoti', 'russia', 'rebel', 'us', 'su-24s')
    >>> stem("Russians", keep_case=True), stem("U.N", keep_case=True)
    ('Russian', 'UN')
    """
    word = _POSSESSIVE_END.sub("", word) or word
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


# --- sentences --------------------------------------------------------------------------------


@functools.cache
def abbreviations() -> frozenset[str]:
    """Return the abbreviations after which a full stop does not end a sentence.

    Read from ``data/abbreviations_en.txt`` (one per line, lower case, without the final full
    stop; ``#`` starts a comment).

    Examples
    --------
    >>> {"u.s", "mr", "sept", "gen"} <= abbreviations()
    True
    """
    lines = _data_file("abbreviations_en.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.split("#", 1)[0].strip().lower() for line in lines if line.split("#", 1)[0].strip()
    )


@functools.cache
def sentence_splitter() -> PunktSentenceTokenizer:
    """Return NLTK's Punkt sentence splitter set up with :func:`abbreviations`.

    The splitter is built from parameters, not loaded from NLTK's data, so it is the same on
    every machine and needs no download.
    """
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return PunktSentenceTokenizer(params)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` character offsets of each sentence in ``text``.

    Offsets index into ``text`` itself, so every sentence can be traced back to its source.
    Spans start and end on non-space characters.

    Examples
    --------
    >>> text = "Lt. Gen. Sergei Rudskoi spoke. The U.S. Navy did not."
    >>> [text[a:b] for a, b in sentence_spans(text)]
    ['Lt. Gen. Sergei Rudskoi spoke.', 'The U.S. Navy did not.']
    """
    spans = []
    for start, end in sentence_splitter().span_tokenize(text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` (see :func:`sentence_spans`).

    Examples
    --------
    >>> split_sentences("Mr. Lavrov met Mr. Kerry on Sept. 9. They agreed.")
    ['Mr. Lavrov met Mr. Kerry on Sept. 9.', 'They agreed.']
    """
    return [text[a:b] for a, b in sentence_spans(text)]


# --- sentiment --------------------------------------------------------------------------------


def vader_lexicon_path() -> Path:
    """Return the path of ``vader_lexicon.txt`` inside the installed ``vaderSentiment`` package."""
    path = Path(str(resources.files("vaderSentiment") / "vader_lexicon.txt"))
    if not path.is_file():  # pragma: no cover - only with a broken install
        raise FileNotFoundError(
            f"The VADER lexicon is missing at {path}. Fix: reinstall the pinned packages with "
            "`make setup`."
        )
    return path


@functools.cache
def sentiment_analyzer():
    """Return NLTK's VADER ``SentimentIntensityAnalyzer`` reading the pinned lexicon file.

    Examples
    --------
    >>> sentiment_analyzer().polarity_scores("good")["compound"]
    0.4404
    """
    import nltk
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    path = vader_lexicon_path()
    # NLTK 3.10 opens "file:" resources only inside a folder on nltk.data.path (pathsec).
    if str(path.parent) not in nltk.data.path:
        nltk.data.path.append(str(path.parent))
    return SentimentIntensityAnalyzer(lexicon_file="file:" + str(path))


@functools.cache
def pattern_analyzer():
    """Return TextBlob's Pattern sentiment function: text -> ``(polarity, subjectivity)``.

    This is what ``textblob.sentiments.PatternAnalyzer().analyze`` calls, without building a
    named tuple per text. Its lexicon, ``en-sentiment.xml``, ships inside ``textblob``; no
    NLTK data is needed.

    Examples
    --------
    >>> pattern_analyzer()("a good plan")
    (0.7, 0.6000000000000001)
    """
    from textblob.en import sentiment

    return sentiment


# --- provenance -------------------------------------------------------------------------------


def describe() -> list[dict[str, str]]:
    """Return where each resource comes from, with package versions, one dict per resource.

    Examples
    --------
    >>> [row["resource"] for row in describe()][-3:]
    ['word tokenizer', 'English word list', 'stemmer']
    """
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return [
        {
            "resource": "stop words",
            "source": f"scikit-learn ENGLISH_STOP_WORDS ({len(ENGLISH_STOP_WORDS)} words)",
            "package": f"scikit-learn {_version('scikit-learn')}",
        },
        {
            "resource": "VADER lexicon",
            "source": "vader_lexicon.txt in vaderSentiment, "
            "read by NLTK SentimentIntensityAnalyzer",
            "package": f"vaderSentiment {_version('vaderSentiment')}; nltk {_version('nltk')}",
        },
        {
            "resource": "sentence splitter",
            "source": f"NLTK Punkt with {len(abbreviations())} abbreviations from "
            "newscorpus/data/abbreviations_en.txt",
            "package": f"nltk {_version('nltk')}; newscorpus {_version('newscorpus')}",
        },
        {
            "resource": "word tokenizer",
            "source": f"regular expression {WORD_PATTERN}",
            "package": f"newscorpus {_version('newscorpus')}",
        },
        {
            "resource": "English word list",
            "source": f"wordfreq top {ENGLISH_WORDS_SIZE:,} English words "
            f"({len(english_words()):,} after filtering short tokens)",
            "package": f"wordfreq {_version('wordfreq')}",
        },
        {
            "resource": "stemmer",
            "source": "NLTK PorterStemmer",
            "package": f"nltk {_version('nltk')}",
        },
    ]
