"""What ``validate_corpus`` must refuse so that no notebook crashes on a corpus it accepted, and
messages that name the true cause: doc_ids too long for a file name, dates pandas cannot hold,
texts without words, UTF-32 and UTF-16 without a byte-order mark, named pipes and folders where
files belong, metadata separated by semicolons or tabs. Last, a fuzz test: generated corpus
folders, each either refused with problems or carried through what notebooks 00 and 01 do.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import hashlib
import io
import os
import tempfile
import threading
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscorpus.base.errors import CorpusError
from newscorpus.corpus.dates import parse_published
from newscorpus.corpus.validate import (
    KINDS,
    MAX_DOC_ID_LENGTH,
    OPTIONAL_COLUMNS,
    load_corpus,
    validate_corpus,
)

from .test_corpus import HEADER, make_corpus, row

TEXT = {"a.txt": "Moscow wants a naval base on the Mediterranean.\n"}


def one_problem(folder: Path, pattern: str) -> None:
    """The folder gives exactly one problem, with a fix, and load_corpus raises it."""
    report = validate_corpus(folder)
    assert len(report.problems) == 1, "\n".join(map(str, report.problems))
    assert report.problems[0].fix
    with pytest.raises(CorpusError, match=pattern):
        load_corpus(folder)


# --- 1. accepted by validate, then a crash in a notebook ------------------------------------


def test_a_doc_id_too_long_for_a_file_name_is_refused(tmp_path: Path) -> None:
    from newscorpus.clean.audit import write_texts

    long_id = "a" * 300
    with pytest.raises(OSError, match="File name too long"):  # what notebook 01 ran into
        write_texts(pd.DataFrame({"doc_id": [long_id], "text": ["x"]}), tmp_path / "clean")
    folder = make_corpus(tmp_path, HEADER + row(doc_id=long_id), TEXT)
    one_problem(folder, rf"field 'doc_id': the doc_id is 300 characters long, more than the"
                rf" {MAX_DOC_ID_LENGTH}.*Fix: shorten it, e.g. to 'a{{{MAX_DOC_ID_LENGTH}}}'")


def test_a_doc_id_at_the_limit_loads_and_its_clean_text_can_be_written(tmp_path: Path) -> None:
    from newscorpus.clean.audit import write_texts

    longest = "b" * MAX_DOC_ID_LENGTH
    docs = load_corpus(make_corpus(tmp_path, HEADER + row(doc_id=longest), TEXT))
    written = write_texts(docs[["doc_id", "text"]], tmp_path / "clean")
    assert len(written) == 1 and (tmp_path / "clean" / f"{longest}.txt").is_file()


@pytest.mark.parametrize(("published", "pattern"), [
    ("0001-01-01", r"'0001-01-01' is before 1800"),
    ("9999-12-31", r"'9999-12-31' is after 2200"),
    ("1799-12-31", r"before 1800"),
    ("2201", r"'2201' is after 2200"),
    ("1799/2016", r"the date '1799' in '1799/2016' is before 1800"),
    ("2016-09/2201-01", r"after 2200"),
])
def test_a_date_pandas_cannot_hold_is_refused(tmp_path: Path, published: str,
                                              pattern: str) -> None:
    folder = make_corpus(tmp_path, HEADER + row(published=published), TEXT)
    one_problem(folder, pattern + r", outside the years newscorpus reads \(1800 to 2200\)\."
                r" Fix: correct the year; if the date is right, leave published empty")
    with pytest.raises(ValueError, match=pattern):
        parse_published(published)


def test_the_first_and_last_days_newscorpus_reads_load(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path, HEADER + row(published="1800-01-01/2200-12-31"), TEXT)
    with pytest.warns(UserWarning, match="ends in the future"):
        docs = load_corpus(folder)
    assert docs.loc[0, "date_start"] == pd.Timestamp("1800-01-01")
    assert docs.loc[0, "date_end"] == pd.Timestamp("2200-12-31")


@pytest.mark.parametrize(("published", "pattern"), [
    ("2199-06-01", r"the date '2199-06-01' is in the future \(today is \d{4}-\d\d-\d\d\)"),
    ("2015/2199", r"the range '2015/2199' ends in the future"),
])
def test_a_date_in_the_future_warns_and_loads(tmp_path: Path, published: str,
                                              pattern: str) -> None:
    folder = make_corpus(tmp_path, HEADER + row(published=published), TEXT)
    report = validate_corpus(folder)
    assert report.ok and len(report.warnings) == 1
    assert report.warnings[0].field == "published" and report.warnings[0].fix
    with pytest.warns(UserWarning, match=pattern):
        assert len(load_corpus(folder)) == 1


def test_today_and_a_year_that_is_not_over_do_not_warn(tmp_path: Path) -> None:
    today = datetime.date.today()
    metadata = HEADER + row(published=today.isoformat()) + row("b", "b.txt",
                                                                published=str(today.year))
    report = validate_corpus(make_corpus(tmp_path, metadata, {**TEXT, "b.txt": "Damascus"}))
    assert report.ok and report.warnings == []


@pytest.mark.parametrize("text", ["\U0001F600\U0001F1F8\U0001F1FE\n", "... !!! --- ???",
                                  "____ \u2014 \u00a7\u00a7", "\u200b\u200d\ufe0f"])
def test_a_text_with_no_words_is_refused(tmp_path: Path, text: str) -> None:
    folder = make_corpus(tmp_path, HEADER + row(), {"a.txt": text})
    one_problem(folder, r"raw/a\.txt \(metadata\.csv line 2\), field 'file': the text has no"
                r" words \(letters or digits\).*Fix: ")


@pytest.mark.parametrize("text", ["a", "2016", "\u041c\u043e\u0441\u043a\u0432\u0430 \U0001F600"])
def test_one_word_in_any_script_is_enough(tmp_path: Path, text: str) -> None:
    assert validate_corpus(make_corpus(tmp_path, HEADER + row(), {"a.txt": text})).ok


@pytest.mark.parametrize(("value", "date_format"), [
    ("0016-09-21", None), ("0016-09-21T10:00:00Z", None), ("21/09/0016", "%d/%m/%Y"),
    ("9999", None)])
def test_an_imported_table_refuses_the_dates_the_corpus_would_refuse(value, date_format) -> None:
    from newscorpus.corpus.table_dates import to_published

    with pytest.raises(ValueError, match=rf"the date '{value}' is (before 1800|after 2200)"):
        to_published(value, date_format)


@pytest.mark.parametrize("url", ["http://[::1", "https://\u2100.org/a"])
def test_a_url_urllib_cannot_parse_is_a_problem_not_a_crash(tmp_path: Path, url: str) -> None:
    folder = make_corpus(tmp_path, HEADER + row(url=f'"{url}"'), TEXT)
    one_problem(folder, r"field 'url': the url .* is not an http\(s\) address \(")


# --- 2. messages that name the true cause ---------------------------------------------------


@pytest.mark.parametrize("data", [codecs.BOM_UTF32_LE + "Moscow".encode("utf-32-le"),
                                  codecs.BOM_UTF32_BE + "Moscow".encode("utf-32-be")],
                         ids=["le", "be"])
def test_a_utf32_file_is_named_utf32_with_the_right_iconv(tmp_path: Path, data: bytes) -> None:
    folder = make_corpus(tmp_path, HEADER + row(), {"a.txt": data})
    one_problem(folder, r"the file is UTF-32 text, not UTF-8\. Fix: convert it and replace the"
                r" original: iconv -f UTF-32 -t UTF-8 raw/a\.txt > converted\.txt")


def test_utf16_with_a_bom_whose_first_character_is_nul_is_still_utf16(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "\x00Moscow".encode("utf-16-le")  # FF FE 00 00 4D 00 ...
    folder = make_corpus(tmp_path, HEADER + row(), {"a.txt": data})
    one_problem(folder, r"the file is UTF-16 text, not UTF-8")


@pytest.mark.parametrize(("codec", "name"), [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")])
def test_utf16_without_a_bom_is_named_utf16_not_binary(tmp_path: Path, codec: str,
                                                       name: str) -> None:
    data = "Moscow said on Tuesday that \u00e9l\u00e9ments\nDamascus\n".encode(codec)
    folder = make_corpus(tmp_path, HEADER + row(), {"a.txt": data})
    one_problem(folder, rf"the file is UTF-16 text \(without a byte-order mark\), not UTF-8\."
                rf" Fix: convert it and replace the original: iconv -f {name} -t UTF-8 raw/a\.txt"
                r" > converted\.txt")


@pytest.mark.parametrize("data", [b"Moscow\x00\x00said", bytes(range(256)), b"\x00" * 40,
                                  "Moscow".encode("utf-16-le")[:-1] + b"\xd8\x00"])
def test_nul_bytes_that_are_not_utf16_are_still_binary(tmp_path: Path, data: bytes) -> None:
    folder = make_corpus(tmp_path, HEADER + row(), {"a.txt": data})
    one_problem(folder, r"looks like a binary file \(it contains NUL bytes")


def in_time(function, *args, seconds: float = 20):
    """Call ``function`` on a thread; fail (instead of hanging) if it blocks."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(function(*args)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{function.__name__} blocked"
    return result[0]


def test_a_named_pipe_listed_as_a_document_is_named_and_never_read(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path, HEADER + row(), {})
    os.mkfifo(folder / "a.txt")
    report = in_time(validate_corpus, folder)
    assert [str(p) for p in report.problems] == [
        "raw/a.txt (metadata.csv line 2), field 'file': the path is a named pipe, not a regular"
        " file. Fix: list a regular text file, e.g. save what the pipe delivers into a .txt"
        " file."]


def test_a_metadata_csv_that_is_a_named_pipe_is_named_and_never_read(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path, None, TEXT)
    os.mkfifo(folder / "metadata.csv")
    report = in_time(validate_corpus, folder)
    assert len(report.problems) == 1
    assert str(report.problems[0]).startswith(
        "raw/metadata.csv: metadata.csv is a named pipe, not a regular file. Fix: ")


def test_a_metadata_csv_that_is_a_folder_is_named(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path, None, TEXT)
    (folder / "metadata.csv").mkdir()
    one_problem(folder, r"raw/metadata\.csv: metadata\.csv is a folder, not a file\. Fix: "
                r"move the folder away and write metadata\.csv as a file")


@pytest.mark.parametrize(("delimiter", "shown"), [(";", "';'"), ("\t", "tabs"), ("|", "'|'")])
def test_metadata_separated_by_semicolons_or_tabs_says_so(tmp_path: Path, delimiter: str,
                                                          shown: str) -> None:
    metadata = f"doc_id{delimiter}file{delimiter}title\na{delimiter}a.txt{delimiter}x, y\n"
    folder = make_corpus(tmp_path, metadata, TEXT)
    one_problem(folder, rf"raw/metadata\.csv line 1: metadata\.csv uses {shown} between fields"
                r"; newscorpus reads commas\. Fix: write it with commas \(CSV\), e\.g\. re-export"
                r" it as CSV")


def test_quoted_fields_separated_by_semicolons_say_so_too(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path, '\n"doc_id";"file"\n"a";"a.txt"\n', TEXT)
    one_problem(folder, r"metadata\.csv line 2: metadata\.csv uses ';' between fields")


def test_a_comma_header_that_lacks_doc_id_still_says_the_column_is_missing(tmp_path) -> None:
    folder = make_corpus(tmp_path, "id;x,file\na,a.txt\n", TEXT)
    one_problem(folder, r"the required column 'doc_id' is missing")


# --- 3. fuzz: generated corpus folders ------------------------------------------------------
#
# Three corpora in four are plausible: files that exist, doc_ids that are slugs (some near the
# length limit), dates around the years newscorpus reads, known kinds, right checksums, but texts
# of any Unicode (controls, emoji, marks, odd line ends, huge lines, no words at all). The fourth
# is anything: unicode, empty and repeated doc_ids, missing and shared files, dates of any form,
# bytes that are not UTF-8. Either way validate_corpus must report, never raise; what it accepts
# must go through notebooks 00 and 01; what it refuses, load_corpus must refuse.

_SLUGS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,15}", fullmatch=True)
_LONG_IDS = st.integers(MAX_DOC_ID_LENGTH - 3, 2 * MAX_DOC_ID_LENGTH).map("d".__mul__)
_DOC_IDS = st.one_of(_SLUGS, st.text(max_size=10), st.just(""),
                     st.integers(1, 3 * MAX_DOC_ID_LENGTH).map("d".__mul__))
_NEAR = st.dates(datetime.date(1795, 1, 1), datetime.date(2205, 12, 31))
_DAYS = st.one_of(_NEAR, _NEAR, _NEAR, st.dates())
_GOOD_DATES = st.one_of(
    st.just(""), _DAYS.map(datetime.date.isoformat), _DAYS.map(lambda d: d.isoformat()[:7]),
    _DAYS.map(lambda d: d.isoformat()[:4]),
    st.tuples(_DAYS, _DAYS).map(lambda p: f"{min(p).isoformat()[:7]}/{max(p)}"))
_DATES = st.one_of(
    _GOOD_DATES, st.dates().map(datetime.date.isoformat), st.text(max_size=12),
    st.sampled_from(["2016-02-30", "2016-13", "0000", "2016-09-21T10:00", "2016/2015"]))
_WORDS = st.sampled_from(["Moscow", "said", "Syria's", "U.S.", "3,000", "al-Assad", "\U0001F600",
                          "Photo:", "AP", "[24]", "Read more", "\u00e9t\u00e9", "\u2014", ".",
                          "\n", "\n\n", "\r\n", "\r", "\t", "\u2028", "\x0c", "\u00a0", "Mr.",
                          "?!", "\u0301", "\ufeff", "\x1b[0m", "(AP) \u2014", "Share this"])
_TEXTS = st.one_of(
    # any code point but NUL and surrogates: controls, marks, emoji, unassigned ...
    st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=300),
    st.lists(_WORDS, min_size=1, max_size=120).map(" ".join),
    st.lists(_WORDS, min_size=1, max_size=120).map("".join),
    st.text(st.sampled_from("\U0001F600\U0001F1F8\U0001F1FE\u200d\ufe0f.!-_ \n"), min_size=1,
            max_size=30),
    st.tuples(_WORDS, st.integers(2_000, 6_000)).map(lambda p: " ".join([p[0]] * p[1])))
_WORDY = st.tuples(_TEXTS, st.sampled_from(["Moscow", "a", "2016", "\u041c\u0438\u0440"]),
                   _TEXTS).map(" ".join)  # with one word at least, among anything
_GOOD_BYTES = st.one_of(*[_WORDY.map(str.encode)] * 4, _TEXTS.map(str.encode),
                        _WORDY.map(lambda t: codecs.BOM_UTF8 + t.encode()))
_BYTES = st.one_of(
    _GOOD_BYTES, st.just(b""), st.binary(max_size=200), _TEXTS.map(lambda t: t.encode("utf-16")),
    _TEXTS.map(lambda t: t.encode("utf-16-le")), _TEXTS.map(lambda t: t.encode("utf-32")),
    _TEXTS.map(lambda t: t.encode("cp1252", "ignore")))
_EXTRA = ("period", "section")


def _precision(published: str) -> str:
    try:
        span = parse_published(published)
    except ValueError:
        return ""
    return span.precision if span else ""


def _page(text: str) -> bytes:
    return (b"<html><head><title>T</title></head><body><article><p>"
            + text.encode() + b"</p></article></body></html>")


@st.composite
def _plausible_row(draw, i: int, files: dict[str, bytes]) -> dict[str, str]:
    name = draw(st.sampled_from([f"d{i}.txt"] * 4 + [f"sub/d{i}.txt", f"d{i}.html"]))
    files[name] = _page(draw(_WORDY)) if name.endswith(".html") else draw(_GOOD_BYTES)
    doc_id = draw(st.one_of(_SLUGS, _SLUGS, _SLUGS, _LONG_IDS))
    published = draw(_GOOD_DATES)
    return {"doc_id": f"{doc_id[:-1]}{i}" if doc_id else "", "file": name,
            "published": published, "kind": draw(st.sampled_from(["", *KINDS])),
            "date_precision": draw(st.sampled_from(["", _precision(published)])),
            "url": draw(st.sampled_from(["", "https://example.org/a"])),
            "sha256": draw(st.sampled_from(["", hashlib.sha256(files[name]).hexdigest()]))}


@st.composite
def _any_row(draw, i: int, files: dict[str, bytes]) -> dict[str, str]:
    name = draw(st.sampled_from([f"d{i}.txt", "d0.txt", f"d{i}.html", f"missing{i}.txt", "",
                                 "../x.txt"]))
    if name.endswith(".html"):
        files[name] = _page(draw(_TEXTS))
    elif name and not name.startswith(("missing", "..")):
        files[name] = draw(_BYTES)
    return {"doc_id": draw(_DOC_IDS), "file": name, "published": draw(_DATES),
            "date_precision": draw(st.sampled_from(["", "day", "month", "year", "range", "x"])),
            "kind": draw(st.sampled_from(["", *KINDS, "news"])),
            "url": draw(st.sampled_from(["", "https://example.org/a", "www.x.org",
                                         "http://[::1", "https://\u2100.org"])),
            "sha256": draw(st.sampled_from(["", "0" * 64, "abc"]))}


@st.composite
def corpus_folders(draw) -> tuple[str, dict[str, bytes]]:
    """A metadata.csv (as text) and the files of a corpus folder."""
    plausible = draw(st.sampled_from([True, True, True, False]))
    optional = draw(st.lists(st.sampled_from(OPTIONAL_COLUMNS + _EXTRA), unique=True))
    required = ["doc_id", "file"] if plausible else draw(st.sampled_from(
        [["doc_id", "file"]] * 6 + [["file"], ["doc_id"]]))
    columns = draw(st.permutations(required + optional))
    files: dict[str, bytes] = {}
    rows = []
    for i in range(draw(st.integers(1, 4))):
        values = draw((_plausible_row if plausible else _any_row)(i, files))
        rows.append([values[c] if c in values else draw(st.text(max_size=20)) for c in columns])
    if not plausible and len(rows) > 1 and "doc_id" in columns and draw(st.booleans()):
        rows[-1][columns.index("doc_id")] = rows[0][columns.index("doc_id")]  # repeated
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue(), files


PERIODS = {"2015-16": ["2015", "2016"], "2017-18": ["2017", "2018"], "2019-24": ["2019", "2024"]}


def notebooks_00_and_01(folder: Path, out: Path) -> None:
    """What notebooks 00 and 01 do with a corpus (default parameters), short of figures."""
    from newscorpus import corpus
    from newscorpus.clean import audit, clean_corpus, token_table

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # unlisted files, dates in the future
        docs = load_corpus(folder)
    docs["period"] = corpus.assign_periods(docs, PERIODS)
    groups = corpus.document_groups(docs.set_index("doc_id"), "period", periods=PERIODS)
    corpus.group_sizes(docs, groups)
    lengths = corpus.document_lengths(docs, workers=1)
    corpus.timeline_counts(corpus.timeline_table(docs), groups)
    corpus.corpus_summary(docs, lengths)
    tables = clean_corpus(docs)
    audit.examples(tables["removals"])
    audit.size_table(docs, tables["texts"])
    audit.removal_summary(tables["removals"], docs)
    audit.role_counts(tables["sentences"])
    token_table(tables["sentences"])
    audit.write_texts(tables["texts"], out)


@settings(max_examples=500, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(corpus_folders())
def test_validate_never_raises_and_what_it_accepts_runs_through_notebooks_00_and_01(
        corpus: tuple[str, dict[str, bytes]]) -> None:
    metadata, files = corpus
    with tempfile.TemporaryDirectory() as root:
        folder = make_corpus(Path(root), metadata, files)
        before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
        report = validate_corpus(folder)
        assert all(p.where and p.message and p.fix for p in report.problems + report.warnings)
        if report.ok:
            notebooks_00_and_01(folder, Path(root) / "clean")
        else:
            with pytest.raises(CorpusError):
                load_corpus(folder)
        assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
