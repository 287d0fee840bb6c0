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

from importlib import metadata

from newscorpus.base.sentences import abbreviations
from newscorpus.base.words import ENGLISH_WORDS_SIZE, WORD_PATTERN, english_words

__all__ = ["describe"]


def _version(dist: str) -> str:
    return metadata.version(dist)


# --- stop words -------------------------------------------------------------------------------


# --- tokens -----------------------------------------------------------------------------------


# --- words ----------------------------------------------------------------------------------


# --- sentences --------------------------------------------------------------------------------


# --- sentiment --------------------------------------------------------------------------------


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
