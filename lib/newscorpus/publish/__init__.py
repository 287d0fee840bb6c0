"""Notebook 05 and after a run: the findings, the figure catalogue, the manifest and the site.

====================  ==============================================================================
module                offers
====================  ==============================================================================
``findings``          the statements of notebook 05, each read from an earlier notebook's table
``answer``            notebook 05's answer from the motive tables: the motives most attributed,
                      each document's thesis quote by quote, the limits
``figure_catalogue``  :func:`write_catalogue`: every figure with its caption, notebook and table
``provenance``        :func:`write_manifest`, :func:`check_manifest`: versions, parameters and the
                      SHA-256 of every file a run read or wrote
``site``              :func:`build_site`: the executed notebooks as self-contained HTML pages
``release``           :func:`publish`: all three, written from what the notebooks made
``charts``            the charts of notebook 05 (imported on its own: it loads matplotlib)
====================  ==============================================================================
"""

from newscorpus.publish.figure_catalogue import catalogue, figure_files, write_catalogue
from newscorpus.publish.provenance import (
    check_manifest,
    manifest,
    notebook_info,
    ran_with,
    sha256,
    write_manifest,
)
from newscorpus.publish.release import publish

__all__ = ["catalogue", "check_manifest", "figure_files", "manifest", "notebook_info", "publish",
           "ran_with", "sha256", "write_catalogue", "write_manifest"]
