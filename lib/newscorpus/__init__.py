"""newscorpus: load, clean and analyse a corpus of English news texts, reproducibly.

The modules are split by verb: :mod:`newscorpus.corpus` loads and validates a corpus folder,
:mod:`newscorpus.resources` provides every linguistic resource offline,
:mod:`newscorpus.describe` measures documents, :mod:`newscorpus.plots` draws and saves figures,
:mod:`newscorpus.run` executes the notebooks, and :mod:`newscorpus.cli` is the command line.
"""

from importlib.metadata import PackageNotFoundError, version

from newscorpus.errors import CorpusError, NewsCorpusError, ParameterError, Problem

try:
    __version__ = version("newscorpus")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

__all__ = ["CorpusError", "NewsCorpusError", "ParameterError", "Problem", "__version__"]
