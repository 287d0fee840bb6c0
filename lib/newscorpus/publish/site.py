"""The published site: every executed notebook as a self-contained HTML page, and an index.

:func:`build_site` writes into one folder (``build/site/`` for ``make run``):

``index.html``
    The question, a link to the answer (the findings notebook), the notebooks in reading order
    with the parameters each ran with, and every figure with its caption (the answer's first),
    the image embedded and links to its SVG and CSV.
``NN-slug.html``
    One page per notebook, rendered by nbconvert from the executed notebook (it is never
    re-executed) with the code hidden: prose, tables and figures only.
``figures/``
    A copy of the figure files (PNG, SVG, CSV), so that the links work offline.

Every page ends with :func:`stamp`: the date of the run, the project's version and its commit.

Pages load nothing from the network and run no script: the nbconvert template
(``data/site/page.html.j2``) drops the require.js, MathJax, Mermaid and widget scripts of
JupyterLab's template, and images are embedded as ``data:`` URIs. The index escapes every piece
of text it takes from the notebooks, the corpus or the parameters. A notebook page shows the
notebook's outputs as they are: nbconvert escapes printed text, pandas escapes the text in its
tables, and :class:`newscorpus.publish.findings.Finding` escapes corpus text in Markdown, so a
document containing ``<script>`` shows it as text; a notebook must not display raw HTML built from
corpus text (``tests/test_notebooks.py`` checks that no stored output holds a script or an event
handler).
"""

from __future__ import annotations

import base64
import datetime
import html
import os
import shutil
import subprocess
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import nbformat
import pandas as pd

from newscorpus.base.outputs import atomic_path
from newscorpus.base.paths import project_root
from newscorpus.publish.figure_catalogue import catalogue, figure_files
from newscorpus.publish.provenance import notebook_info, ran_with

__all__ = ["build_site", "render_notebook", "stamp"]

_STYLE = """
body { font: 15px/1.5 -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #222;
       max-width: 1000px; margin: 0 auto; padding: 0 20px 40px; }
h1 { font-size: 1.7em; margin-top: 1.2em; } h2 { margin-top: 1.6em; }
a { color: #1a5fa8; }
table { border-collapse: collapse; font-size: 0.9em; margin: 0.5em 0; }
td, th { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
code { font-size: 0.9em; background: #f3f3f3; padding: 0 3px; }
figure { margin: 1.5em 0; border-top: 1px solid #ddd; padding-top: 1em; }
figure img { max-width: 100%; height: auto; }
figcaption { font-size: 0.95em; }
.muted { color: #666; font-size: 0.9em; }
"""


def _exporter():
    from nbconvert import HTMLExporter

    folder = Path(str(resources.files("newscorpus") / "data" / "site"))
    exporter = HTMLExporter(template_name="lab", extra_template_paths=[str(folder)],
                            template_file="page.html.j2", exclude_input=True,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.mathjax_url = ""
    exporter.require_js_url = ""
    return exporter


def stamp(today: datetime.date | None = None) -> str:
    """The footer of every page: the date of the run, the project's version and its commit.

    Examples
    --------
    >>> stamp(datetime.date(2026, 12, 5)).startswith("Made on 2026-12-05 by newscorpus ")
    True
    """
    from newscorpus import __version__

    commit = "unknown commit"
    try:
        out = subprocess.run(["git", "-C", str(project_root()), "rev-parse", "--short=12", "HEAD"],
                             capture_output=True, text=True, timeout=10, check=True)
        dirty = subprocess.run(["git", "-C", str(project_root()), "status", "--porcelain",
                                "--untracked-files=no"], capture_output=True, text=True,
                               timeout=10, check=True).stdout.strip()
        commit = f"commit {out.stdout.strip()}" + (" with uncommitted changes" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        pass
    day = (today or datetime.date.today()).isoformat()
    return f"Made on {day} by newscorpus {__version__}, {commit}."


def render_notebook(notebook: str | os.PathLike[str], footer: str = "") -> str:
    """Return the HTML page of an executed notebook, code hidden, as nbconvert renders it."""
    nb = nbformat.read(notebook, as_version=4)
    nb.metadata["title"] = notebook_info(notebook)["title"]
    body, _ = _exporter().from_notebook_node(nb, resources={"newscorpus_footer": footer})
    return body


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _parameters_table(params: dict[str, object]) -> str:
    if not params:
        return '<p class="muted">No parameters.</p>'
    rows = "".join(f"<tr><td><code>{_esc(k)}</code></td><td><code>{_esc(repr(v))}</code></td>"
                   "</tr>" for k, v in params.items())
    return f"<table><tr><th>parameter</th><th>value</th></tr>{rows}</table>"


def _index(notebooks: Sequence[Path], figures: Path, footer: str = "") -> str:
    infos = [notebook_info(nb) for nb in notebooks]
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>What does Russia want in Syria? A reproducible reading of English news</title>",
        f"<style>{_STYLE}</style>", "</head>", "<body>",
        "<h1>What does Russia want in Syria?</h1>",
        "<p>A reproducible reading of a corpus of English news texts: each notebook below was "
        "executed from the corpus and parameters shown, and each figure is published with the "
        "table it was drawn from. The pages need no network and no Jupyter.</p>",
    ]
    answer = next((nb for nb in notebooks if "findings" in Path(nb).stem), None)
    if answer is not None:
        parts.append(f'<p>The short answer, every number with its source: <a href="'
                     f'{_esc(Path(answer).with_suffix(".html").name)}">'
                     f"{_esc(notebook_info(answer)['title'])}</a>.</p>")
    parts += ["<h2>The notebooks</h2>", "<ol>"]
    for nb, info in zip(notebooks, infos, strict=True):
        page = Path(nb).with_suffix(".html").name
        parts.append(f'<li><p><a href="{_esc(page)}"><strong>{_esc(info["title"])}</strong>'
                     f"</a><br>{_esc(info['question'])}</p>")
        parts.append(f"<details><summary>Parameters it ran with</summary>"
                     f"{_parameters_table(ran_with(nb))}</details></li>")
    parts.append("</ol>")
    table = catalogue(figures, notebooks)
    if answer is not None:  # the answer's own figures lead
        first = table["notebook"] == Path(answer).name
        table = pd.concat([table[first], table[~first]], ignore_index=True)
    parts.append(f"<h2>The figures ({len(table)})</h2>")
    titles = {info["name"]: info["title"] for info in infos}
    for row in table.itertuples(index=False):
        data = base64.b64encode((figures / row.png).read_bytes()).decode("ascii")
        links = " · ".join(f'<a href="figures/{_esc(name)}">{_esc(name)}</a>'
                           for name in (row.png, row.svg, row.csv) if name)
        source = (f' · from <a href="{_esc(Path(row.notebook).with_suffix(".html").name)}">'
                  f"{_esc(titles.get(row.notebook, row.notebook))}</a>" if row.notebook else "")
        parts.append(
            f'<figure id="{_esc(row.figure)}"><img src="data:image/png;base64,{data}" '
            f'alt="{_esc(row.caption or row.figure)}"><figcaption><strong>{_esc(row.figure)}'
            f"</strong>: {_esc(row.caption) or '(no caption)'}<br>"
            f'<span class="muted">{links}{source}</span></figcaption></figure>')
    if footer:
        parts.append(f'<footer class="muted"><hr>{_esc(footer)}</footer>')
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def build_site(notebooks: Sequence[str | os.PathLike[str]], figures_dir: str | os.PathLike[str],
               site_dir: str | os.PathLike[str]) -> Path:
    """Write the site (see the module docstring) to ``site_dir``; return ``index.html``.

    Each page is written whole or not at all; pages of notebooks no longer in ``notebooks``
    and figure copies no longer in ``figures_dir`` are removed, so the folder holds exactly
    one run.
    """
    out = Path(site_dir)
    out.mkdir(parents=True, exist_ok=True)
    notebooks = [Path(nb) for nb in notebooks]
    pages = {nb.with_suffix(".html").name for nb in notebooks}
    footer = stamp()
    for nb in notebooks:
        with atomic_path(out / nb.with_suffix(".html").name) as tmp:
            tmp.write_text(render_notebook(nb, footer), encoding="utf-8")
    for stale in out.glob("[0-9][0-9]-*.html"):
        if stale.name not in pages:
            stale.unlink()
    copies = out / "figures"
    if copies.is_dir():
        shutil.rmtree(copies)
    copies.mkdir()
    for path in figure_files(figures_dir):
        shutil.copyfile(path, copies / path.name)
    index = out / "index.html"
    with atomic_path(index) as tmp:
        tmp.write_text(_index(notebooks, Path(figures_dir), footer), encoding="utf-8")
    return index
