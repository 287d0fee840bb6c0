"""Shared fixtures: the project's own corpus folder, a network that refuses every connection, and a
two-worker Dask cluster."""

from __future__ import annotations

import socket
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import settings

# Property tests draw the same examples on every run and every machine: a test suite that
# passes here passes in CI. (Hypothesis still shrinks and reports any failure it finds.)
settings.register_profile("deterministic", derandomize=True, print_blob=True)
settings.load_profile("deterministic")

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "corpus" / "raw"


class NetworkBlocked(RuntimeError):
    """Raised by any attempt to open a network connection during a test."""


@pytest.fixture
def no_network(monkeypatch):
    """Make every socket connection and name lookup fail, as on a machine with no network."""

    def refuse(*args, **kwargs):
        raise NetworkBlocked(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    import nltk

    monkeypatch.setattr(nltk, "download", refuse)
    yield


def notebook_names() -> list[str]:
    """The names of the collection's notebooks, in reading order."""
    return sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def run_collection(corpus: Path, out: Path, *, timeout: int):
    """Run ``newscorpus run --corpus CORPUS --out OUT --quiet`` in a child process."""
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "newscorpus", "run", "--corpus", str(corpus), "--out", str(out),
         "--quiet"], capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def notebooks_with_errors(out: Path) -> list[str]:
    """The executed notebooks under ``OUT/notebooks`` that hold an error output."""
    import nbformat

    return [path.name for path in sorted((out / "notebooks").glob("*.ipynb"))
            if any(o.output_type == "error"
                   for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"
                   for o in c.outputs)]


@pytest.fixture(scope="module")
def client():
    """A two-worker Dask ``LocalCluster`` on loopback (one thread and process per worker, no
    dashboard) and its client, for the tests of the Dask backend; closed after the module."""
    import warnings

    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    with dask.config.set({"dataframe.convert-string": False}), warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Port .* is already in use")  # another cluster's
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1")
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()


#: The metadata columns of the seed corpus, as a Parquet corpus stores them beside ``text``.
PARQUET_METADATA = ["doc_id", "outlet", "title", "author", "published", "date_precision", "url",
                    "kind", "notes"]


def parquet_rows(seeds) -> pd.DataFrame:
    """The loaded seed corpus as a Parquet corpus's rows: the metadata columns and ``text``."""
    return pd.DataFrame({c: seeds[c].astype(object) for c in [*PARQUET_METADATA, "text"]})


def write_parquet_parts(folder: Path, table, parts: int = 2) -> Path:
    """Write ``table`` as ``parts`` Parquet files into ``folder``; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    size = -(-len(table) // parts)
    for k in range(parts):
        table.iloc[k * size:(k + 1) * size].to_parquet(folder / f"part-{k}.parquet", index=False)
    return folder


#: The periods of params/default.yaml.
PERIODS = {"2015-16": ["2015", "2016"], "2017-18": ["2017", "2018"], "2019-24": ["2019", "2024"]}


def load_quietly(folder) -> pd.DataFrame:
    """``load_corpus(folder)`` without its warnings (e.g. of files not listed)."""
    import warnings

    from newscorpus.corpus import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return load_corpus(folder)


@pytest.fixture(scope="module", params=["seeds", "synthetic"])
def written(request, tmp_path_factory, client):
    """A corpus, its groups, and notebook 01's tables written both ways."""
    from newscorpus.clean import clean_and_write
    from newscorpus.corpus import document_groups
    from newscorpus.corpus.synthetic import make_corpus

    folder = tmp_path_factory.mktemp(request.param)
    docs = load_quietly(ROOT / "corpus" / "raw") if request.param == "seeds" else load_quietly(
        make_corpus(folder / "c", megabytes=0.5, seed=7, project=ROOT))
    groups = document_groups(docs.set_index("doc_id"), "period", periods=PERIODS)
    clean_and_write(docs, folder / "local", workers=1)
    clean_and_write(docs, folder / "dask", backend="dask", scheduler=client.scheduler.address,
                    partition_mb=0.004 if request.param == "seeds" else 0.05)
    return docs, groups, folder


def assert_same_results(a: dict, b: dict) -> None:
    """Two results of a notebook's pass (dicts of tables and numbers) are the same, exactly."""
    assert a.keys() == b.keys()
    for name in a:
        if isinstance(a[name], pd.DataFrame):
            pd.testing.assert_frame_equal(a[name], b[name], check_exact=True, obj=name)
        else:
            assert a[name] == b[name], name
