"""A folder of Parquet files is accepted as the corpus wherever a corpus folder is: by
``load_corpus``, ``validate_corpus`` and ``newscorpus validate``, with the same one-line messages
for a folder that is neither."""

from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest

from newscorpus.base.errors import CorpusError
from newscorpus.cli import main
from newscorpus.corpus import load_corpus, validate_corpus
from newscorpus.corpus.validate import corpus_format

from .conftest import RAW, parquet_rows, write_parquet_parts

pytest.importorskip("pyarrow")

@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return load_corpus(RAW)


def write_dataset(folder, seeds: pd.DataFrame, parts: int = 2):
    """The seed corpus as ``parts`` Parquet files: a text column and the metadata columns."""
    return write_parquet_parts(folder, parquet_rows(seeds), parts)


def one_problem(folder) -> str:
    """The message ``load_corpus`` stops with, checked to be a title and one problem line."""
    with pytest.raises(CorpusError) as caught:
        load_corpus(folder)
    lines = str(caught.value).splitlines()
    assert len(lines) == 2 and lines[0].endswith(": 1 problem found.")
    assert "Fix: " in lines[1]
    return lines[1]


def test_load_corpus_reads_a_parquet_folder_into_the_table_of_the_text_folder(seeds, tmp_path):
    folder = write_dataset(tmp_path / "pq", seeds)
    assert corpus_format(folder) == "parquet" and corpus_format(RAW) == "text"
    loaded = load_corpus(folder)
    assert list(loaded.columns) == list(seeds.columns)
    same = [c for c in seeds.columns if c not in ("file", "sha256", "path")]
    pd.testing.assert_frame_equal(loaded[same], seeds[same], check_exact=True)
    assert loaded["file"].tolist() == ["part-0.parquet"] * 3 + ["part-1.parquet"] * 2
    assert (loaded["sha256"] == "").all()


def test_validate_corpus_and_the_command_line_accept_a_parquet_folder(seeds, tmp_path, capsys):
    folder = write_dataset(tmp_path / "pq", seeds)
    report = validate_corpus(folder)
    assert report.ok and report.n_documents == 5
    assert report.n_characters == validate_corpus(RAW).n_characters
    assert main(["validate", str(folder)]) == 0
    assert capsys.readouterr().out == "pq: 5 documents, 66,285 characters, metadata OK\n"


def test_a_folder_with_metadata_csv_is_a_text_folder_even_beside_parquet_files(seeds, tmp_path):
    folder = write_dataset(tmp_path / "pq", seeds)
    (folder / "metadata.csv").write_text("doc_id,file\n")
    assert corpus_format(folder) == "text"
    assert "pq/metadata.csv: the file lists no documents" in one_problem(folder)


@pytest.mark.parametrize(("make", "expected"), [
    (lambda f: None,
     r"^empty/metadata\.csv: the file is missing \(and the folder holds no \.parquet file "
     r"either\)\. Fix: create it .*; or put the corpus in the folder as \.parquet files"),
    (lambda f: (f / "part-0.parquet").write_bytes(b"not parquet"),
     r"^empty/part-0\.parquet: the file cannot be read as Parquet \(.*\)\. Fix: write it again"),
    (lambda f: pd.DataFrame({"doc_id": ["a"], "body": ["x"]}).to_parquet(f / "p.parquet"),
     r"^empty/p\.parquet, field 'text': the file has no column 'text' \(it has doc_id, body\)"),
    (lambda f: pd.DataFrame({"doc_id": ["a"], "text": ["Moscow said so."], "path": ["x"]}
                            ).to_parquet(f / "p.parquet"),
     r"^empty/p\.parquet, field 'path': the column 'path' has the name of a column the loaded"),
    (lambda f: pd.DataFrame({"doc_id": pd.Series([], dtype=object),
                             "text": pd.Series([], dtype=object)}).to_parquet(f / "p.parquet"),
     r"^empty: the Parquet files hold no rows\. Fix: add one row per document"),
    (lambda f: pd.DataFrame({"doc_id": ["a"], "text": ["🙂 !"]}).to_parquet(f / "p.parquet"),
     r"^empty/p\.parquet row 1 \(doc_id 'a'\), field 'text': .*Fix: add its text"),
], ids=["neither", "not-parquet", "no-text-column", "reserved-column", "no-rows", "no-words"])
def test_a_bad_folder_gives_one_line_naming_the_file_the_fault_and_the_fix(tmp_path, make,
                                                                            expected):
    folder = tmp_path / "empty"
    folder.mkdir()
    make(folder)
    line = one_problem(folder)
    assert re.search(expected, line), line
    report = validate_corpus(folder)
    assert not report.ok and [str(p) for p in report.problems] == [line]


def test_a_missing_folder_says_both_kinds_of_corpus_it_could_be(tmp_path):
    line = one_problem(tmp_path / "nowhere")
    assert line.startswith("nowhere: the corpus folder does not exist")
    assert "metadata.csv and the text files, or a folder of .parquet files" in line
