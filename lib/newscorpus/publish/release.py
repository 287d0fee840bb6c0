"""Publish a run: the catalogue, the manifest and the site, written from what the notebooks made."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from newscorpus.publish.figure_catalogue import write_catalogue
from newscorpus.publish.provenance import write_manifest


def publish(notebooks: Sequence[str | os.PathLike[str]], *, figures_dir: str | os.PathLike[str],
            processed_dir: str | os.PathLike[str] | None = None,
            corpus_dir: str | os.PathLike[str] | None = None,
            site_dir: str | os.PathLike[str] | None = None) -> dict[str, Path]:
    """Write the catalogue and the manifest, and (with ``site_dir``) the HTML site.

    Parameters
    ----------
    notebooks : sequence of path
        The executed notebooks, in reading order.
    figures_dir, processed_dir, corpus_dir : path
        Where the run wrote its figures and tables, and the corpus it read.
    site_dir : path, optional
        Where to write the site (:func:`newscorpus.publish.site.build_site`).

    Returns
    -------
    dict
        ``figure_catalogue``, ``provenance`` and, with ``site_dir``, ``site`` (the index page).
    """
    written = {"catalogue": write_catalogue(figures_dir, notebooks),
               "manifest": write_manifest(notebooks, figures_dir, processed_dir, corpus_dir)}
    if site_dir is not None:
        from newscorpus.publish.site import build_site

        written["site"] = build_site(notebooks, figures_dir, site_dir)
    return written
