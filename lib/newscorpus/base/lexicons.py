"""Lexicons read from pinned packages: VADER, Pattern (TextBlob) and YAKE's stop words."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources
from pathlib import Path


def yake_stop_words(language: str = "en", extra: Iterable[str] = ()) -> frozenset[str]:
    """Return YAKE's own stop words for ``language``, lower-cased, with ``extra`` words added.

    Read from ``StopwordsList/stopwords_<language>.txt`` inside the installed ``yake`` package,
    the list YAKE was designed and evaluated with (574 English words; it has words such as
    ``say`` that scikit-learn's list lacks). Only :func:`newscorpus.keywords.keyphrases.keyphrases`
    uses it; counts and TF-IDF use :func:`stop_words`.

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
    from newscorpus.base.errors import ParameterError, Problem

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

    The analyzer finds a text's words with :class:`newscorpus.base.vader_fast.FastSentiText`:
    NLTK's scores, about three times faster.

    Examples
    --------
    >>> sentiment_analyzer().polarity_scores("good")["compound"]
    0.4404
    """
    import nltk

    from newscorpus.base.vader_fast import SentimentIntensityAnalyzer

    path = vader_lexicon_path()
    # NLTK 3.10 opens "file:" resources only inside a folder on nltk.data.path (pathsec).
    if str(path.parent) not in nltk.data.path:
        nltk.data.path.append(str(path.parent))
    return SentimentIntensityAnalyzer(lexicon_file="file:" + str(path))


def nltk_sentiment_analyzer():
    """Return NLTK's own VADER analyzer class with the lexicon of :func:`sentiment_analyzer`.

    For comparisons only (tests and benchmarks): it gives the same scores, more slowly.

    Examples
    --------
    >>> nltk_sentiment_analyzer().polarity_scores("good")["compound"]
    0.4404
    """
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
    analyzer.__dict__.update(sentiment_analyzer().__dict__)
    return analyzer


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
