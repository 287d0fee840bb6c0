"""newscorpus: load, clean and analyse a corpus of English news texts, reproducibly.

The sub-packages follow the notebooks, in reading order; each builds only on those above it
in this list and on :mod:`newscorpus.base`:

==========================  =====================================================================
:mod:`newscorpus.base`      shared ground: errors, paths, files written whole, linguistic
                            resources (words, sentences, lexicons), the term matcher, argument
                            checks, small statistics, and the figure style and saving
:mod:`newscorpus.corpus`    notebook 00: validate and load a corpus folder, describe its
                            documents (lengths, dates, periods)
:mod:`newscorpus.clean`     notebook 01: normalise, the cleaning rules, segment into roles and
                            sentences, the token table, the audit and the gold-standard scores
:mod:`newscorpus.keywords`  notebook 02: frequencies, TF-IDF, keyness, collocations,
                            concordance, themes, keyphrases
:mod:`newscorpus.sentiment` notebook 03: scorers, aggregation and intervals, validation against
                            human ratings, actors and the tone around them
:mod:`newscorpus.motives`   notebook 04: the motives a sentence attributes to Russia, with the
                            evidence, validated against a hand-coded gold standard
:mod:`newscorpus.publish`   notebook 05 and after a run: the findings, the figure catalogue,
                            the manifest and the HTML site
:mod:`newscorpus.run`       executes the notebooks with papermill (``newscorpus run``)
:mod:`newscorpus.guards`    what keeps a run safe: its own scratch, a lock, hands off the corpus
:mod:`newscorpus.parameters` every notebook parameter checked by the name the reader wrote
:mod:`newscorpus.cli`       the ``newscorpus`` command
==========================  =====================================================================
"""

from importlib.metadata import PackageNotFoundError, version

from newscorpus.base.errors import CorpusError, NewsCorpusError, ParameterError, Problem

try:
    __version__ = version("newscorpus")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

__all__ = ["CorpusError", "NewsCorpusError", "ParameterError", "Problem", "__version__"]
