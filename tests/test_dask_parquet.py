"""A corpus stored as Parquet: loaded by both backends, checked like a corpus folder, and
derived tables written as partitioned Parquet, whole or not at all."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from newscorpus.base.errors import CorpusError, NewsCorpusError
from newscorpus.corpus import load_corpus
from newscorpus.scale.parquet import load_parquet_corpus, write_parquet
from newscorpus.scale.stages import collect, corpus_tables

from .conftest import PARQUET_METADATA, RAW, parquet_rows, write_parquet_parts

dask = pytest.importorskip("dask")
pytest.importorskip("distributed")

@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return load_corpus(RAW)


_write = write_parquet_parts
_rows = parquet_rows


def test_a_parquet_corpus_loads_as_the_corpus_folder_does(seeds, tmp_path):
    loaded = load_parquet_corpus(_write(tmp_path / "pq", _rows(seeds)))
    same = [*PARQUET_METADATA, "text", "date_start", "date_end", "format"]
    pd.testing.assert_frame_equal(loaded[same], seeds[same], check_exact=True)
    assert (loaded["n_bytes"] == seeds["n_bytes"]).all()


def test_the_dask_backend_reads_the_same_table_lazily_and_cleans_it_the_same(seeds, tmp_path,
                                                                             client):
    folder = _write(tmp_path / "pq", _rows(seeds), parts=3)
    local = load_parquet_corpus(folder)
    lazy = load_parquet_corpus(folder, backend="dask")
    assert lazy.npartitions == 3
    pd.testing.assert_frame_equal(local, collect(lazy), check_exact=True)
    expected = corpus_tables(local, stages=["sentences"])["sentences"]
    got = collect(corpus_tables(lazy, backend="dask", stages=["sentences"])["sentences"])
    pd.testing.assert_frame_equal(expected, got, check_exact=True)


@pytest.mark.parametrize("backend", ["local", "dask"])
def test_bad_rows_are_all_reported_with_the_messages_of_a_corpus_folder(seeds, tmp_path,
                                                                         backend, client):
    rows = _rows(seeds)
    rows.loc[1, "published"] = "2016-02-30"
    rows.loc[3, "text"] = "   "
    rows.loc[4, "doc_id"] = rows.loc[0, "doc_id"]
    with pytest.raises(CorpusError) as caught:
        load_parquet_corpus(_write(tmp_path / "pq", rows), backend=backend)
    text = str(caught.value)
    assert "3 problems found" in text
    assert "part-0.parquet row 2" in text and "the date '2016-02-30' does not exist" in text
    assert "part-1.parquet row 1" in text and "the text is empty" in text
    assert (f"the doc_id '{rows.loc[0, 'doc_id']}' is already listed on" in text
            and "part-0.parquet row 1" in text)
    # the date message is word for word the one a corpus folder gives
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "a.txt").write_text("Moscow said so.", encoding="utf-8")
    (folder / "metadata.csv").write_text("doc_id,file,published\na,a.txt,2016-02-30\n")
    with pytest.raises(CorpusError) as by_folder:
        load_corpus(folder)
    said = str(by_folder.value).split("field 'published': ")[1].splitlines()[0]
    assert said in text


def test_a_dataset_without_a_text_column_is_refused_naming_the_column(seeds, tmp_path):
    folder = _write(tmp_path / "pq", _rows(seeds).drop(columns="text"), parts=1)
    with pytest.raises(CorpusError, match="the file has no column 'text'"):
        load_parquet_corpus(folder)


def test_a_folder_without_parquet_files_is_refused(tmp_path):
    with pytest.raises(NewsCorpusError, match="the folder holds no .parquet file"):
        load_parquet_corpus(tmp_path)


def test_derived_tables_are_written_as_parquet_parts_with_the_columns_of_the_csv(seeds,
                                                                                tmp_path,
                                                                                client):
    local = corpus_tables(seeds, stages=["sentences"])["sentences"]
    lazy = corpus_tables(seeds, backend="dask", stages=["sentences"], partition_mb=0.005)
    target = tmp_path / "processed" / "sentences"
    write_parquet(lazy["sentences"], target)
    assert len(list(target.glob("*.parquet"))) == lazy["sentences"].npartitions > 1
    back = pd.read_parquet(target)
    assert list(back.columns) == list(local.columns)
    pd.testing.assert_frame_equal(back.reset_index(drop=True), local, check_dtype=False,
                                  check_exact=True)


def _boom(frame: pd.DataFrame) -> pd.DataFrame:
    if len(frame) and frame["doc_id"].iloc[0].startswith("c"):
        raise RuntimeError("interrupted")
    return frame


def test_an_interrupted_write_leaves_the_earlier_output_and_no_partial_folder(seeds, tmp_path,
                                                                              client):
    target = tmp_path / "sentences"
    write_parquet(pd.DataFrame({"doc_id": ["old"]}), target)
    lazy = dask.dataframe.from_pandas(seeds[["doc_id"]], npartitions=5, sort=False)
    with pytest.raises(RuntimeError, match="interrupted"):
        write_parquet(lazy.map_partitions(_boom, meta=lazy._meta), target)
    assert pd.read_parquet(target)["doc_id"].tolist() == ["old"]
    assert [p.name for p in tmp_path.iterdir()] == ["sentences"]
