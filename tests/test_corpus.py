"""Tests for newscorpus.corpus: every bad corpus gives one clear problem; good ones load."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.base.errors import CorpusError
from newscorpus.corpus.dates import DateSpan, parse_published
from newscorpus.corpus.files import read_text
from newscorpus.corpus.validate import (
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    load_corpus,
    validate_corpus,
)

DOCS = {
    "a.txt": "Moscow wants a naval base on the Mediterranean.\n",
    "b.txt": "Russia wants Assad to stay in power, analysts say.\n",
}
GOOD_METADATA = (
    "doc_id,file,outlet,published,date_precision,kind,period\n"
    "tass-2016-09-21,a.txt,TASS,2016-09-21,day,article,early\n"
    'snippets,b.txt,"Reuters, AP",2015-09/2024-12,,snippet-aggregate,late\n'
)
HEADER = "doc_id,file,title,published,date_precision,kind,url,sha256\n"
DIRECTORY = object()  # in a files mapping: make a folder, not a file
LINK_OUT = object()  # in a files mapping: a symlink to a file outside the corpus folder
SHA_B = hashlib.sha256(DOCS["b.txt"].encode()).hexdigest()


def make_corpus(root: Path, metadata: str | bytes | None,
                files: Mapping[str, object] = DOCS) -> Path:
    """Write a corpus folder ``root/raw``: metadata.csv (unless None) and the given files."""
    folder = root / "raw"
    folder.mkdir()
    if metadata is not None:
        data = metadata.encode() if isinstance(metadata, str) else metadata
        (folder / "metadata.csv").write_bytes(data)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is DIRECTORY:
            path.mkdir()
        elif content is LINK_OUT:
            (root / "outside.txt").write_text("secret\n")
            path.symlink_to(root / "outside.txt")
        else:
            path.write_bytes(content.encode() if isinstance(content, str) else content)
    return folder


def row(doc_id: str = "a", file: str = "a.txt", *, title: str = "", published: str = "",
        precision: str = "", kind: str = "", url: str = "", sha256: str = "") -> str:
    """One line of metadata.csv under HEADER."""
    return ",".join([doc_id, file, title, published, precision, kind, url, sha256]) + "\n"


def bad(case: str, metadata: str | bytes | None, pattern: str,
        files: Mapping[str, object] = DOCS) -> pytest.param:
    """One row of BAD_CORPORA: the corpus, and a regex its one problem must match."""
    return pytest.param(metadata, files, pattern, id=case)


BAD_CORPORA = [
    # 2. no metadata.csv
    bad("no-metadata", None, r"raw/metadata\.csv: the file is missing.*columns doc_id,file"),
    # 3. malformed CSV
    bad("too-many-fields", "doc_id,file\na,a.txt,extra\n",
        r"metadata\.csv line 2: the row has 3 fields but the header has 2.*double quotes"),
    bad("too-few-fields", "doc_id,file,title\na,a.txt,x\nb,b.txt\n",
        r"metadata\.csv line 3: the row has 2 fields but the header has 3"),
    bad("unclosed-quote", 'doc_id,file,title\na,a.txt,"Why Moscow\nb,b.txt,x\n',
        r"metadata\.csv line 2: a quoted field that starts here is never closed"),
    bad("unclosed-quote-in-header", 'doc_id,"file\na,a.txt\n',
        r"metadata\.csv line 1: a quoted field that starts here is never closed"),
    bad("empty-metadata", "", r"metadata\.csv: the file is empty.*write a header row"),
    bad("blank-metadata", "\n \n", r"metadata\.csv: the file is empty"),
    bad("header-only", "doc_id,file\n", r"metadata\.csv: the file lists no documents"),
    bad("duplicate-columns", "doc_id,file,title,title\na,a.txt,x,y\n",
        r"metadata\.csv line 1: 2 columns are named 'title'"),
    bad("reserved-column", "doc_id,file,text\na,a.txt,x\n", r"column 'text' clashes"),
    # 4. missing required column
    bad("no-doc_id-column", "file\na.txt\n", r"required column 'doc_id' is missing"),
    bad("no-file-column", "doc_id,title\na,x\n", r"required column 'file' is missing"),
    bad("column-name-with-space", "doc_id, file\na,a.txt\n",
        r"column 'file' is missing \(the header has 'doc_id', ' file'\)"),
    # 5. missing file, folder
    bad("missing-file", HEADER + row(file="c.txt"),
        r"raw/c\.txt \(metadata\.csv line 2\), field 'file': the file does not exist"),
    bad("misspelt-file", HEADER + row(file="A.txt"), r"Fix: correct the path, perhaps to 'a\.txt'"),
    bad("metadata-as-document", HEADER + row(file="metadata.csv"), r"is the metadata, not a"),
    bad("folder", HEADER + row(file="sub"), r"the path is a folder", {"sub": DIRECTORY}),
    # 6. paths leaving the corpus folder
    bad("dot-dot", HEADER + row(file="../x.txt"), r"'\.\./x\.txt' leads outside the corpus"),
    bad("absolute", HEADER + row(file="/etc/passwd"), r"^[^\n]*\n/etc/passwd .*leads outside"),
    bad("sub-dot-dot", HEADER + row(file="sub/../../x.txt"), r"leads outside"),
    bad("symlink-out", HEADER + row(file="link.txt"),
        r"the file is a link to .*outside\.txt, outside the corpus folder", {"link.txt": LINK_OUT}),
    # 7. sha256
    bad("sha256-mismatch", HEADER + row(sha256=SHA_B),
        rf"sha256 does not match: metadata says {SHA_B}, the file has [0-9a-f]{{64}}"
        r".*`sha256sum raw/a\.txt`"),
    bad("sha256-malformed", HEADER + row(sha256="abc123"),
        r"field 'sha256': the sha256 'abc123' is not 64 hexadecimal characters"),
    # 8. not UTF-8 text
    bad("nul-bytes", HEADER + row(),
        r"raw/a\.txt .*looks like a binary file \(it contains NUL bytes, first at offset 6\)",
        {"a.txt": b"Moscow\x00\x00said"}),
    bad("png", HEADER + row(), r"looks like a binary file \(a PNG image\)",
        {"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}),
    bad("latin-1", HEADER + row(),
        r"not UTF-8: byte 0xE9 at offset 3 \(line 1\).*'\xe9'.*"
        r"iconv -f latin1 -t utf-8 raw/a\.txt > converted\.txt", {"a.txt": b"caf\xe9 society"}),
    bad("windows-1252", HEADER + row(),
        r"byte 0x93 at offset 9 \(line 2\).*iconv -f windows-1252 -t utf-8",
        {"a.txt": b"line one\n\x93quoted\x94"}),
    bad("utf-16", HEADER + row(), r"UTF-16 text, not UTF-8", {"a.txt": "Moscow".encode("utf-16")}),
    # 9. empty documents
    bad("empty-document", HEADER + row(), r"raw/a\.txt .*the document is empty \(0 bytes\)",
        {"a.txt": b""}),
    bad("whitespace-document", HEADER + row(), r"the document holds only whitespace",
        {"a.txt": " \n\t\r\n"}),
    # 10. duplicates
    bad("duplicate-doc_id", HEADER + row("a", "a.txt") + row("a", "b.txt"),
        r"metadata\.csv line 3, field 'doc_id': the doc_id 'a' is already listed on line 2"),
    bad("duplicate-file", HEADER + row("a", "a.txt") + row("b", "./a.txt"),
        r"line 3, field 'file': the file '\./a\.txt' is already listed on line 2"),
    # 11. dates
    bad("february-30", HEADER + row(published="2016-02-30"),
        r"field 'published': the date '2016-02-30' does not exist"),
    bad("month-13", HEADER + row(published="2016-13-01"),
        r"the date '2016-13-01' does not exist \(month must be in 1\.\.12\)"),
    bad("not-a-date", HEADER + row(published="yesterday"),
        r"'yesterday' is not a date; expected YYYY-MM-DD.*Fix: write it like 2016-09-21"),
    bad("backwards-range", HEADER + row(published="2016-09-25/2016-09-21"),
        r"ends \(2016-09-21\) before it starts \(2016-09-25\)"),
    bad("precision-mismatch", HEADER + row(published="2016-09", precision="day"),
        r"field 'date_precision': date_precision is 'day' but '2016-09' has month precision\."
        r" Fix: set date_precision to 'month'"),
    bad("unknown-precision", HEADER + row(published="2016-09-21", precision="daily"),
        r"field 'date_precision': date_precision 'daily' is not one of day, month, year, range"),
    # 12. doc_id and file cells
    bad("empty-doc_id", HEADER + row(doc_id=""), r"line 2, field 'doc_id': no doc_id is given"),
    bad("empty-file", HEADER + row(file=""),
        r"line 2 \(doc_id 'a'\), field 'file': no file is given"),
    bad("doc_id-not-slug", HEADER + row(doc_id="Moscow Times/2016"),
        r"'Moscow Times/2016' is not a slug.*e\.g\. 'Moscow-Times-2016'"),
    bad("doc_id-dot", HEADER + row(doc_id=".hidden"), r"'\.hidden' is not a slug"),
    # 13. kind and url
    bad("unknown-kind", HEADER + row(kind="news"),
        r"field 'kind': the kind 'news' is unknown.*use one of article, snippet-aggregate, other"),
    bad("url-without-scheme", HEADER + row(url="www.tass.com/x"),
        r"'www\.tass\.com/x' is not an http\(s\) address"),
    bad("ftp-url", HEADER + row(url="ftp://tass.com/x"), r"not an http\(s\) address"),
    # 14. metadata.csv not UTF-8
    bad("metadata-latin-1", b"doc_id,file,title\na,a.txt,caf\xe9\n",
        r"raw/metadata\.csv: the file is not UTF-8: byte 0xE9 at offset 29 \(line 2\)"),
]


@pytest.mark.parametrize(("metadata", "files", "pattern"), BAD_CORPORA)
def test_each_bad_corpus_gives_one_problem_that_says_where_and_how_to_fix(
        tmp_path: Path, metadata: str | bytes | None, files: Mapping[str, object],
        pattern: str) -> None:
    folder = make_corpus(tmp_path, metadata, files)
    report = validate_corpus(folder)
    assert not report.ok
    assert len(report.problems) == 1, "\n".join(map(str, report.problems))
    assert report.problems[0].fix and "Fix: " in str(report.problems[0])
    assert "Traceback" not in str(report.problems[0])
    with pytest.raises(CorpusError, match=pattern) as caught:
        load_corpus(folder)
    assert caught.value.problems == report.problems
    assert str(caught.value).startswith("Cannot load the corpus raw: 1 problem found.\n")


@pytest.mark.parametrize(("make", "pattern"), [
    (lambda root: root / "nowhere", r"nowhere: the corpus folder does not exist"),
    (lambda root: make_corpus(root, GOOD_METADATA) / "a.txt", r"a\.txt: the corpus folder is not"),
])
def test_a_corpus_dir_that_is_not_a_folder_is_one_problem(tmp_path: Path, make, pattern) -> None:
    folder = make(tmp_path)
    report = validate_corpus(folder)
    assert len(report.problems) == 1
    assert report.summary().endswith("0 documents, 0 characters, 1 problem")
    with pytest.raises(CorpusError, match=pattern):
        load_corpus(folder)


def test_a_valid_corpus_loads_with_every_column_in_order_and_plain_dtypes(tmp_path: Path) -> None:
    corpus = load_corpus(make_corpus(tmp_path, GOOD_METADATA))
    assert list(corpus.columns) == [*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS, "period", "text", "path",
                                    "date_start", "date_end", "n_bytes", "format"]
    assert isinstance(corpus.index, pd.RangeIndex) and list(corpus.index) == [0, 1]
    text_columns = [*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS, "period", "text", "path",
                    "format"]
    for column in text_columns:
        assert corpus[column].dtype == pd.StringDtype("python", na_value=float("nan")), column
    assert not corpus[text_columns].isna().any().any()
    assert corpus["date_start"].dtype == corpus["date_end"].dtype == "datetime64[ns]"
    assert corpus["n_bytes"].dtype == "int64" and corpus["format"].tolist() == ["text", "text"]
    assert corpus["doc_id"].tolist() == ["tass-2016-09-21", "snippets"]
    assert corpus["outlet"].tolist() == ["TASS", "Reuters, AP"]
    assert corpus["author"].tolist() == ["", ""]
    assert corpus["period"].tolist() == ["early", "late"]
    assert corpus["text"].tolist() == [DOCS["a.txt"], DOCS["b.txt"]]
    assert corpus["date_start"].tolist() == [pd.Timestamp("2016-09-21"), pd.Timestamp("2015-09-01")]
    assert corpus["date_end"].tolist() == [pd.Timestamp("2016-09-21"), pd.Timestamp("2024-12-31")]
    assert corpus["n_bytes"].tolist() == [48, 51]
    assert all(Path(p).is_absolute() and Path(p).is_file() for p in corpus["path"])


def test_a_document_without_a_date_has_nat_dates(tmp_path: Path) -> None:
    corpus = load_corpus(make_corpus(tmp_path, "doc_id,file\na,a.txt\n", {"a.txt": "text"}))
    assert corpus["date_start"].isna().all() and corpus["date_end"].isna().all()


def test_the_report_counts_documents_and_characters(tmp_path: Path) -> None:
    report = validate_corpus(make_corpus(tmp_path, GOOD_METADATA))
    n_characters = len(DOCS["a.txt"]) + len(DOCS["b.txt"])  # 48 + 51, every character ASCII
    assert (report.ok, report.n_documents, report.n_characters) == (True, 2, 99)
    assert report.summary() == f"raw: 2 documents, {n_characters} characters, metadata OK"


def test_unlisted_text_files_warn_but_do_not_stop_loading(tmp_path: Path) -> None:
    files = {**DOCS, "c.txt": "a draft", "sub/d.txt": "another", "notes.md": "not a .txt"}
    folder = make_corpus(tmp_path, GOOD_METADATA, files)
    report = validate_corpus(folder)
    assert report.ok
    assert [w.where for w in report.warnings] == ["raw/c.txt", "raw/sub/d.txt"]
    assert report.summary().endswith("metadata OK (2 warnings)")
    with pytest.warns(UserWarning, match=r"raw/c\.txt: the file is not listed in metadata\.csv"):
        corpus = load_corpus(folder)
    assert len(corpus) == 2


def test_a_column_name_in_the_wrong_case_warns_and_is_kept(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path, "doc_id,file,Title\na,a.txt,Why Moscow\n", {"a.txt": "x"})
    with pytest.warns(UserWarning, match=r"there is no column 'title' \(found 'Title'"):
        corpus = load_corpus(folder)
    assert corpus.loc[0, "Title"] == "Why Moscow" and corpus.loc[0, "title"] == ""


def test_several_problems_in_one_corpus_are_all_reported(tmp_path: Path) -> None:
    metadata = (HEADER + row("a", "a.txt", published="2016-02-30") + row("b", "missing.txt")
                + "c,b.txt,x\n" + row("a", "b.txt", kind="blog"))
    folder = make_corpus(tmp_path, metadata)
    report = validate_corpus(folder)
    found = [(p.where.split(" (")[0], p.field) for p in report.problems]
    assert found == [("raw/metadata.csv line 4", ""), ("raw/metadata.csv line 2", "published"),
                     ("raw/missing.txt", "file"), ("raw/metadata.csv line 5", "kind"),
                     ("raw/metadata.csv line 5", "doc_id")]
    with pytest.raises(CorpusError, match="5 problems found") as caught:
        load_corpus(folder)
    assert len(str(caught.value).splitlines()) == 6


def test_raw_files_are_never_modified(tmp_path: Path) -> None:
    files = {"a.txt": b"\xef\xbb\xbfcaf\xc3\xa9\r\n", "b.txt": b"caf\xe9"}
    folder = make_corpus(tmp_path, HEADER + row("a", "a.txt") + row("b", "b.txt"), files)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*")}
    validate_corpus(folder)
    with pytest.raises(CorpusError):
        load_corpus(folder)
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*")} == before


def test_crlf_and_bom_files_load_with_their_line_ends_checked_against_their_raw_bytes(
        tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbfline one\r\nline two\r\n"
    metadata = "\ufeffdoc_id,file,sha256\r\na,a.txt," + hashlib.sha256(raw).hexdigest() + "\r\n"
    corpus = load_corpus(make_corpus(tmp_path, metadata, {"a.txt": raw}))
    assert corpus.loc[0, "doc_id"] == "a"
    assert corpus.loc[0, "text"] == "line one\r\nline two\r\n"  # offsets stay exact
    assert corpus.loc[0, "n_bytes"] == len(raw)


def test_quoted_fields_may_hold_commas_quotes_and_newlines(tmp_path: Path) -> None:
    metadata = 'doc_id,file,notes\na,a.txt,"He said ""no"", then\nleft"\nb,b.txt,x\n'
    report = validate_corpus(make_corpus(tmp_path, metadata))
    assert report.ok and report.n_documents == 2
    corpus = load_corpus(tmp_path / "raw")
    assert corpus.loc[0, "notes"] == 'He said "no", then\nleft'


def test_files_in_subfolders_load_and_counts_use_thousands_separators(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path, "doc_id,file\na,2016/a.txt\n", {"2016/a.txt": "é" * 1234})
    report = validate_corpus(folder)
    assert report.summary() == "raw: 1 document, 1,234 characters, metadata OK"
    assert load_corpus(folder).loc[0, "n_bytes"] == 2468  # é is two bytes in UTF-8


def test_a_symlink_that_stays_inside_the_folder_is_fine(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path, "doc_id,file\na,link.txt\n", {"a.txt": "x"})
    (folder / "link.txt").symlink_to(folder / "a.txt")
    assert validate_corpus(folder).problems == []


def test_read_text_returns_the_text_of_a_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffMoscow\r\nDamascus\rAleppo".encode())
    assert read_text(path) == "Moscow\r\nDamascus\rAleppo"


@pytest.mark.parametrize(("content", "pattern"), [
    (None, r"a\.txt: the file cannot be read"),
    (b"\x00\x01", r"looks like a binary file"),
    (b"caf\xe9", r"iconv -f latin1 -t utf-8"),
    (b"", r"a\.txt: the document is empty"),
])
def test_read_text_raises_a_corpus_error_for_unreadable_files(
        tmp_path: Path, content: bytes | None, pattern: str) -> None:
    path = tmp_path / "a.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CorpusError, match=pattern):
        read_text(path, where="a.txt")


D = datetime.date
#: The days newscorpus reads (dates.EARLIEST to dates.LATEST); other years are refused.
DAYS = st.dates(D(1800, 1, 1), D(2200, 12, 31))


@pytest.mark.parametrize(("value", "precision", "expected"), [
    ("", "", None),
    ("2016-09-21", "", DateSpan(D(2016, 9, 21), D(2016, 9, 21), "day")),
    ("2016-09-21", "day", DateSpan(D(2016, 9, 21), D(2016, 9, 21), "day")),
    ("2016-02", "month", DateSpan(D(2016, 2, 1), D(2016, 2, 29), "month")),  # leap year
    ("2015-02", "", DateSpan(D(2015, 2, 1), D(2015, 2, 28), "month")),
    ("2016", "year", DateSpan(D(2016, 1, 1), D(2016, 12, 31), "year")),
    ("2016-09-21/2016-09-25", "range", DateSpan(D(2016, 9, 21), D(2016, 9, 25), "range")),
    ("2015-09/2024-12", "", DateSpan(D(2015, 9, 1), D(2024, 12, 31), "range")),
    ("2015/2024-12", "range", DateSpan(D(2015, 1, 1), D(2024, 12, 31), "range")),
    ("2016/2016", "", DateSpan(D(2016, 1, 1), D(2016, 12, 31), "range")),
])
def test_parse_published_reads_every_documented_form(
        value: str, precision: str, expected: DateSpan | None) -> None:
    assert parse_published(value, precision) == expected


@pytest.mark.parametrize(("value", "precision", "pattern"), [
    ("2016-02-30", "", r"the date '2016-02-30' does not exist"),
    ("2016-13", "", r"the date '2016-13' does not exist"),
    ("2016-9-1", "", r"'2016-9-1' is not a date"),
    ("21/09/2016", "", r"'21/09/2016' is not a date"),
    ("2016-09-21T10:00:00Z", "", r"is not a date; expected YYYY-MM-DD"),
    ("2016/2017/2018", "", r"is not a date"),
    ("2016/", "range", r"'2016/' is not a date"),
    ("2017/2016", "", r"ends \(2016-12-31\) before it starts \(2017-01-01\)"),
    ("2016-09-21/2016-09-25", "day", r"'day' but '2016-09-21/2016-09-25' has range precision"),
    ("2016", "Year", r"date_precision 'Year' is not one of"),
    ("", "exact", r"date_precision 'exact' is not one of"),
])
def test_parse_published_rejects_bad_values_with_a_precise_message(
        value: str, precision: str, pattern: str) -> None:
    with pytest.raises(ValueError, match=pattern):
        parse_published(value, precision)


def test_the_midpoint_is_the_middle_day_of_the_span() -> None:
    assert parse_published("2016-09-21/2016-09-25").midpoint == D(2016, 9, 23)
    assert parse_published("2016").midpoint == D(2016, 7, 1)  # day 183 of 366


@given(DAYS)
def test_parse_published_round_trips_every_valid_day(day: datetime.date) -> None:
    assert parse_published(day.isoformat()) == DateSpan(day, day, "day")
    assert parse_published(day.isoformat(), "day") == DateSpan(day, day, "day")


@given(DAYS, DAYS)
def test_a_range_spans_from_its_first_to_its_last_day(a: datetime.date, b: datetime.date) -> None:
    start, end = sorted((a, b))
    span = parse_published(f"{start}/{end}")
    assert span == DateSpan(start, end, "range")
    assert start <= span.midpoint <= end


@given(DAYS)
def test_a_month_covers_every_day_of_that_month(day: datetime.date) -> None:
    span = parse_published(day.isoformat()[:7])
    assert span.start == day.replace(day=1) and span.end.month == day.month
    assert span.start <= day <= span.end and (span.end + datetime.timedelta(days=1)).day == 1


@given(st.text(max_size=30), st.sampled_from(["", "day", "month", "year", "range", "other"]))
def test_parse_published_raises_only_value_error(value: str, precision: str) -> None:
    try:
        span = parse_published(value, precision)
    except ValueError:
        return
    assert span is None or span.start <= span.end


def csv_line(cells: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=300), min_size=8, max_size=8))
def test_validation_reports_any_row_without_raising(cells: list[str]) -> None:
    with tempfile.TemporaryDirectory() as root:
        report = validate_corpus(make_corpus(Path(root), HEADER + csv_line(cells)))
    assert all(problem.where and problem.message and problem.fix for problem in report.problems)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_validation_reports_any_metadata_file_without_raising(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as root:
        report = validate_corpus(make_corpus(Path(root), data))
    assert report.ok == (report.problems == [])


def test_the_project_corpus_validates() -> None:
    report = validate_corpus(Path(__file__).parents[1] / "corpus" / "raw")
    assert report.ok, "\n".join(map(str, report.problems))


def test_exclude_kinds_drops_documents_of_those_kinds_and_checks_the_names():
    from newscorpus.base.errors import ParameterError
    from newscorpus.corpus.selection import exclude_kinds

    from .conftest import ROOT

    docs = load_corpus(ROOT / "corpus" / "raw")
    kept = exclude_kinds(docs, ["snippet-aggregate"])
    assert len(kept) == 4 and (kept["kind"] == "article").all()
    assert exclude_kinds(docs, []).equals(docs)
    with pytest.raises(ParameterError, match="'articles' is not a kind of document"):
        exclude_kinds(docs, ["articles"])
    with pytest.raises(ParameterError, match="leaves no document"):
        exclude_kinds(docs, ["article", "snippet-aggregate"])
