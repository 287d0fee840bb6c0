"""Notebook 01's one pass (clean_and_write): the same tables and aggregates on both backends.

The local backend writes CSV files, the Dask one folders of Parquet parts; ``read_table`` reads
either to the same table, the aggregates kept equal those of the whole tables, and a failed run
leaves the earlier output as it was.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from newscorpus.base.errors import NewsCorpusError
from newscorpus.base.outputs import read_table, table_location
from newscorpus.clean import audit, clean_corpus, token_table
from newscorpus.clean.passes import HELD_ABBREVIATION, TABLES, clean_and_write
from newscorpus.corpus import load_corpus
from newscorpus.corpus.synthetic import make_corpus

from .conftest import ROOT, assert_same_results, write_parquet_parts

dask = pytest.importorskip("dask")
pytest.importorskip("distributed")


def _load(folder, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return load_corpus(folder, **options)


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    return _load(ROOT / "corpus" / "raw")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> pd.DataFrame:
    return _load(make_corpus(tmp_path_factory.mktemp("pass") / "c", megabytes=0.6, seed=5,
                             project=ROOT))


@pytest.mark.parametrize("case", ["seeds", "synthetic"])
def test_both_backends_write_the_same_tables_and_keep_the_same_aggregates(case, request,
                                                                         tmp_path, client):
    docs = request.getfixturevalue(case)
    local = clean_and_write(docs, tmp_path / "local", workers=1)
    far = clean_and_write(docs, tmp_path / "dask", backend="dask",
                          scheduler=client.scheduler.address, partition_mb=0.004)
    assert len(list((tmp_path / "dask" / "sentences").glob("*.parquet"))) > 2
    assert_same_results(local, far)
    for name in TABLES:
        assert (tmp_path / "local" / f"{name}.csv").is_file()
        assert not (tmp_path / "local" / name).exists()
        assert (tmp_path / "dask" / name).is_dir()
        assert not (tmp_path / "dask" / f"{name}.csv").exists()
        pd.testing.assert_frame_equal(read_table(tmp_path / "local" / f"{name}.csv", made_by="01"),
                                      read_table(tmp_path / "dask" / f"{name}.csv", made_by="01"),
                                      check_exact=True, obj=name)
    texts = sorted(p.name for p in (tmp_path / "local" / "clean").iterdir())
    assert texts == sorted(p.name for p in (tmp_path / "dask" / "clean").iterdir())
    assert all((tmp_path / "local" / "clean" / t).read_bytes()
               == (tmp_path / "dask" / "clean" / t).read_bytes() for t in texts)
    assert [p.name for p in (tmp_path / "dask").iterdir() if p.name.startswith(".")] == []


def test_the_aggregates_are_those_of_the_whole_tables(seeds, tmp_path):
    got = clean_and_write(seeds, tmp_path, workers=1)
    tables = clean_corpus(seeds, workers=1)
    tokens = token_table(tables["sentences"])
    same = dict(check_dtype=False, check_exact=True)  # str columns: plain objects in got
    pd.testing.assert_frame_equal(got["sizes"], audit.size_table(seeds, tables["texts"]), **same)
    pd.testing.assert_frame_equal(audit.removal_summary(got["removed"], got["lengths"]),
                                  audit.removal_summary(tables["removals"], seeds), **same)
    pd.testing.assert_frame_equal(audit.role_counts(got["roles"]),
                                  audit.role_counts(tables["sentences"]), **same)
    pd.testing.assert_frame_equal(audit.examples(got["first_removals"]),
                                  audit.examples(tables["removals"]), **same)
    held = tables["sentences"]["text"].str.contains(HELD_ABBREVIATION)
    assert got["totals"] == {"documents": len(seeds), "removals": len(tables["removals"]),
                             "sentences": len(tables["sentences"]), "tokens": len(tokens),
                             "held": int(held.sum()), "texts": len(seeds)}
    assert got["held"]["text"].tolist() == tables["sentences"].loc[held, "text"].head(5).tolist()
    pd.testing.assert_frame_equal(got["tokens"], tokens.head(8), **same)
    # lengths are the raw characters, as counted by hand from the texts
    assert got["lengths"]["characters"].tolist() == [len(t) for t in seeds["text"]]


def test_grouped_summaries_read_from_the_counts_add_up_as_counted_by_hand():
    counts = pd.DataFrame({"doc_id": ["a", "a", "c"], "rule": ["captions", "prompts",
                                                               "captions"],
                           "family": ["caption", "prompt", "caption"], "spans": [2, 1, 4],
                           "chars": [30, 20, 50]})
    lengths = pd.DataFrame({"doc_id": ["a", "b", "c"], "characters": [100, 100, 200]})
    groups = pd.Series({"a": "early", "b": "early", "c": "late"})
    got = audit.removal_summary(counts, lengths, groups=groups)
    assert got[["group", "rule", "spans", "chars", "share"]].values.tolist() == [
        ["early (2 documents)", "captions", 2, 30, 0.15],  # 30 / (100 + 100)
        ["early (2 documents)", "prompts", 1, 20, 0.1],
        ["late (1 document)", "captions", 4, 50, 0.25]]
    roles = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "role": ["title", "body", "body",
                                                                   "body"],
                          "sentences": [1, 9, 5, 7]})
    assert audit.role_counts(roles, groups=groups).values.tolist() == [
        ["early (2 documents)", 1, 14], ["late (1 document)", 0, 7]]


def test_a_lazy_parquet_corpus_is_cleaned_without_being_loaded_whole(seeds, tmp_path, client):
    from .conftest import parquet_rows

    folder = write_parquet_parts(tmp_path / "pq", parquet_rows(seeds), parts=3)
    lazy = _load(folder, backend="dask")
    assert type(lazy).__module__.startswith("dask") and lazy.npartitions == 3
    far = clean_and_write(lazy, tmp_path / "dask", backend="dask",
                          scheduler=client.scheduler.address)
    local = clean_and_write(_load(folder), tmp_path / "local", workers=1)
    assert_same_results(local, far)


def test_switching_backends_leaves_one_version_of_each_table(seeds, tmp_path, client):
    clean_and_write(seeds, tmp_path, backend="dask", scheduler=client.scheduler.address)
    assert table_location(tmp_path, "sentences").endswith("sentences")
    clean_and_write(seeds, tmp_path, workers=1)
    assert table_location(tmp_path, "sentences").endswith("sentences.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean", "removals.csv",
                                                          "sentences.csv", "tokens.csv"]


def test_a_run_that_fails_on_a_worker_leaves_the_earlier_output_whole(seeds, tmp_path, client):
    first = clean_and_write(seeds, tmp_path, backend="dask", scheduler=client.scheduler.address,
                            partition_mb=0.004)
    before = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*")
              if p.is_file()}
    broken = seeds.copy()
    broken.loc[len(broken) - 1, "text"] = None  # the last partition fails on its worker
    with pytest.raises((TypeError, AttributeError)):
        clean_and_write(broken, tmp_path, backend="dask", scheduler=client.scheduler.address,
                        partition_mb=0.004)
    after = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*")
             if p.is_file()}
    assert after == before
    assert first["totals"]["documents"] == len(seeds)


def test_a_table_folder_without_parts_is_refused_naming_it(tmp_path):
    (tmp_path / "sentences").mkdir()
    with pytest.raises(NewsCorpusError, match=r"sentences: the folder holds no Parquet part.*"
                       r"Fix: regenerate it: run the notebook 01-cleaning"):
        read_table(tmp_path / "sentences.csv", made_by="01-cleaning")


def test_a_table_folder_without_a_needed_column_is_refused(tmp_path):
    (tmp_path / "sentences").mkdir()
    pd.DataFrame({"doc_id": ["a"]}).to_parquet(tmp_path / "sentences" / "part.0.parquet")
    with pytest.raises(NewsCorpusError, match="the table has no column text"):
        read_table(tmp_path / "sentences.csv", made_by="01-cleaning", columns=["text"])


def test_a_table_written_for_dask_reads_back_as_its_csv_and_replaces_it(tmp_path, monkeypatch):
    from newscorpus.base import outputs

    monkeypatch.setattr(outputs, "PART_ROWS", 2)  # several parts from five rows
    table = pd.DataFrame({"doc_id": ["007", "a", "a", "b", "c"], "sentence_id": [1, 2, 3, 1, 1],
                          "compound": [0.5, -0.25, float("nan"), 0.0, 1.0],
                          "flag": [True, False, True, True, False],
                          "text": ["null", "", "Mr. Putin", "NA", "x"]})
    outputs.write_table(table, tmp_path / "local" / "t.csv")
    shown = outputs.write_table(table, tmp_path / "t.csv", backend="dask")
    assert str(shown).endswith("t") and len(list((tmp_path / "t").glob("*.parquet"))) == 3
    pd.testing.assert_frame_equal(read_table(tmp_path / "t.csv", made_by="03"),
                                  read_table(tmp_path / "local" / "t.csv", made_by="03"),
                                  check_exact=True)
    outputs.write_table(table, tmp_path / "t.csv")  # back to local: the folder goes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["local", "t.csv"]
    outputs.write_table(table, tmp_path / "t.csv", backend="dask")  # and the CSV goes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["local", "t"]
