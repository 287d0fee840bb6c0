"""Tables of articles to corpus folders (``import_table``, ``newscorpus import``): good tables in
every format, and every fault with its message.

``tests/fixtures/import/faulty.csv`` holds one row per fault (see the README beside it); each
message is checked against the one error that importing the whole table raises, so the tests also
show that every problem is listed, not only the first.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newscorpus.base.errors import CorpusError, ParameterError
from newscorpus.cli import main
from newscorpus.corpus.table_rows import safe_name
from newscorpus.corpus.tables import import_table
from newscorpus.corpus.validate import load_corpus, validate_corpus

FAULTY = Path(__file__).parent / "fixtures" / "import" / "faulty.csv"
COLUMNS = {"id": "id", "text": "body", "title": "headline", "date": "published",
           "outlet": "site", "url": "link"}
LAVROV = ("Russian Foreign Minister Sergei Lavrov spoke with U.S. Secretary of State John Kerry"
          " by telephone on Wednesday, the ministry said.")
RETURN = ("No countdown is currently underway for a renewed Russian military intervention."
          "\r\n\r\nBut the signs are there.  ")
ARTICLES = [
    {"id": "almonitor-2016-06", "text": RETURN, "title": "Why Moscow is preparing to return",
     "date": "2016-06-03", "outlet": "Al-Monitor", "author": "Mohammad Ballout"},
    {"id": "rd/2015/09 Kremlin", "text": "Putin is expected to address the UN General Assembly"
     " later in September — his first visit in ten years.", "title": "", "date": "2015-09",
     "outlet": "Russia Direct", "author": ""},
    {"id": "csm-2018-04-17", "text": LAVROV + "\n", "title": "Russia wants US military out",
     "date": "2018-04-17T08:15:00-04:00", "outlet": "The Christian Science Monitor",
     "author": ""},
]


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def check_written(out: Path, articles: list[dict]) -> None:
    """The folder passes validate_corpus, loads, and each text is the table's, byte for byte."""
    assert validate_corpus(out).ok, validate_corpus(out).problems
    docs = load_corpus(out)
    assert docs["source_id"].tolist() == [a["id"] for a in articles]
    for doc, article in zip(docs.itertuples(), articles, strict=True):
        assert (out / doc.file).read_bytes() == article["text"].encode("utf-8")
        assert doc.doc_id == safe_name(article["id"])


@pytest.mark.parametrize("suffix", [".csv", ".csv.gz", ".tsv", ".jsonl", ".ndjson", ".parquet"])
def test_every_format_round_trips_the_texts_byte_for_byte(tmp_path, suffix):
    path = tmp_path / f"articles{suffix}"
    if suffix == ".parquet":
        pq.write_table(pa.Table.from_pylist(ARTICLES), path)
    elif suffix in (".jsonl", ".ndjson"):
        path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    else:
        with open(tmp_path / "plain", "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, ARTICLES[0], delimiter="\t" if "tsv" in suffix
                                    else ",", lineterminator="\r\n")
            writer.writeheader()
            writer.writerows(ARTICLES)
        data = (tmp_path / "plain").read_bytes()
        path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    result = import_table(path, tmp_path / "out", id="id", text="text", title="title",
                          date="date", outlet="outlet", author="author")
    assert (result.written, result.rejected) == (3, 0)
    check_written(tmp_path / "out", ARTICLES)
    meta = read_csv(tmp_path / "out" / "metadata.csv")
    assert [m["published"] for m in meta] == ["2016-06-03", "2015-09", "2018-04-17"]
    assert [m["date_precision"] for m in meta] == ["day", "month", "day"]
    assert meta[1]["doc_id"] == "rd-2015-09-Kremlin"
    assert "doc_id made from the id 'rd/2015/09 Kremlin'" in meta[1]["notes"]
    assert "time and UTC offset dropped" in meta[2]["notes"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "almonitor-2016-06.txt", "csm-2018-04-17.txt", "metadata.csv", "rd-2015-09-Kremlin.txt"]


def test_parquet_typed_columns_become_text(tmp_path):
    import datetime

    table = pa.table({"n": [7, 8], "body": [LAVROV, "Talks resumed in Geneva on Monday."],
                      "day": [datetime.date(2016, 6, 1), datetime.date(2016, 10, 3)],
                      "raw": [b"caf\xc3\xa9", b"ok"]})
    pq.write_table(table, tmp_path / "t.parquet")
    import_table(tmp_path / "t.parquet", tmp_path / "out", id="n", text="body", date="day",
                 title="raw")
    meta = read_csv(tmp_path / "out" / "metadata.csv")
    assert [(m["doc_id"], m["published"], m["title"]) for m in meta] == [
        ("7", "2016-06-01", "café"), ("8", "2016-10-03", "ok")]


def test_a_text_longer_than_the_csv_modules_default_limit_is_read_whole(tmp_path):
    long_text = (LAVROV + " ") * 2000  # about 250 KB, above csv's 128 KB field limit
    path = tmp_path / "long.csv"
    path.write_text(f'id,text\nlong,"{long_text}"\n', encoding="utf-8")
    import_table(path, tmp_path / "out", id="id", text="text")
    assert (tmp_path / "out" / "long.txt").read_text(encoding="utf-8") == long_text


# --- every fault of tests/data/faulty.csv, each message checked --------------------------------

FAULTS = {
    "duplicate id": r"row 2 \(line 3\) \(id 'dup-1'\), field 'id': the id 'dup-1' is also the id"
                    r" of row 3\. Fix: give each article its own id",
    "empty text": r"row 4 \(line 5\) \(id 'empty-text'\), field 'body': the text is empty\.",
    "white-space text": r"row 5 \(line 6\) .*field 'body': the text holds only white space",
    "non-ISO date": r"row 6 \(line 8\) .*field 'published': '21/09/2016' is not an ISO date.*"
                    r"Fix: pass date_format='%d/%m/%Y'",
    "date that does not exist": r"row 7 \(line 9\) .*the date '2016-02-30' does not exist",
    "ids colliding as file names": r"row 8 \(line 10\) \(id 'Syria/Aleppo 2016'\), field 'id':"
                                   r" the id 'Syria/Aleppo 2016' becomes the file name"
                                   r" 'Syria-Aleppo-2016\.txt', which the id 'syria aleppo 2016'"
                                   r" \(row 9\) also becomes",
    "not an http(s) url": r"row 10 \(line 12\) .*field 'link': the url 'www\.csmonitor\.com/"
                          r"World/2018/0417' is not an http\(s\) address\. Fix: write the full"
                          r" address, starting with https://",
    "empty id": r"row 11 \(line 13\), field 'id': the id is empty\. Fix: give every article an id",
    "too many fields": r"row 12 \(line 14\) \(id 'extra-field'\): the row has 7 fields but the"
                       r" header has 6\. Fix: put fields that hold the delimiter in double quotes",
    "summary": r"^Cannot import faulty\.csv: 11 problems in 11 of 13 rows; nothing was written\.",
}


@pytest.mark.parametrize("fault", FAULTS)
def test_each_fault_of_the_faulty_table_is_reported(tmp_path, fault):
    with pytest.raises(CorpusError, match=re.compile(FAULTS[fault], re.MULTILINE)):
        import_table(FAULTY, tmp_path / "out", **COLUMNS)
    assert not (tmp_path / "out").exists()  # nothing written, not even the folder


def test_keep_good_writes_the_good_rows_and_lists_the_others(tmp_path):
    result = import_table(FAULTY, tmp_path / "out", keep_good=True, **COLUMNS)
    assert (result.written, result.rejected) == (2, 11)
    docs = load_corpus(tmp_path / "out")
    assert docs["doc_id"].tolist() == ["lavrov-2016-06-01", "al-monitor-2016-3"]
    assert docs["text"][1] == RETURN  # CRLF and trailing spaces kept
    rejected = read_csv(tmp_path / "out" / "rejected.csv")
    assert list(rejected[0]) == ["row", "line", "id", "column", "problem", "fix"]
    assert [r["row"] for r in rejected] == ["2", "3", "4", "5", "6", "7", "8", "9", "10", "11",
                                            "12"]
    assert rejected[9] == {"row": "11", "line": "13", "id": "", "column": "id",
                           "problem": "the id is empty", "fix": "give every article an id"}
    assert "rejected.csv" in result.summary()


def test_keep_good_with_no_good_row_writes_nothing(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("id,text\na,\nb,   \n", encoding="utf-8")
    with pytest.raises(CorpusError, match="2 problems in 2 of 2 rows; no row is good"):
        import_table(path, tmp_path / "out", id="id", text="text", keep_good=True)
    assert not (tmp_path / "out").exists()


def test_a_table_not_in_the_stated_encoding_is_refused_with_offset_and_line(tmp_path):
    path = tmp_path / "cp1252.csv"
    path.write_bytes("id,text\nc1,Lavrov met Kerry in Geneva.\nc2,Caf\u00e9 talks \u2013 "
                     "day two.\n".encode("cp1252"))
    with pytest.raises(CorpusError, match=r"cp1252\.csv: the file is not utf-8: byte 0xE9 at "
                       r"offset 45 \(line 3, byte 7 of the line\) cannot be decoded; 1 more"
                       r" such byte, at offsets 53; it may be cp1252, where"
                       r" that byte is 'é'\. Fix: pass the file's encoding"):
        import_table(path, tmp_path / "out", id="id", text="text")
    import_table(path, tmp_path / "out", id="id", text="text", encoding="cp1252")
    assert (tmp_path / "out" / "c2.txt").read_text(encoding="utf-8") == "Café talks – day two."


def test_utf16_without_bom_is_recognised_by_its_nul_bytes(tmp_path):
    path = tmp_path / "u16.csv"
    path.write_bytes("id,text\na,Lavrov met Kerry.\n".encode("utf-16-le"))
    with pytest.raises(CorpusError, match="holds NUL characters .* probably UTF-16"):
        import_table(path, tmp_path / "out", id="id", text="text")


def test_a_missing_column_lists_the_columns_that_exist(tmp_path):
    with pytest.raises(CorpusError, match=r"faulty\.csv, field 'text': there is no column 'text'"
                       r" \(given as text=\); the table's columns are 'id', 'headline', 'body',"
                       r" 'published', 'site', 'link'\. Fix: pass the name of the column that"
                       r" holds the text\.\n.*field 'Body': there is no column 'Body'.*Fix:"
                       r" pass the name of the column that holds the title; perhaps"
                       r" title='body'"):
        import_table(FAULTY, tmp_path / "out", id="id", text="text", title="Body")


@pytest.mark.parametrize(("name", "message"), [
    ("articles.xlsx", r"the format of the table is unknown: its name ends in '\.xlsx'.*Fix: save"
                      r" the sheet as CSV UTF-8"),
    ("articles.json", r"unknown.*Fix: a \.json file is one JSON document; write one JSON object"
                      r" per line and name the file \.jsonl"),
    ("articles", r"its name ends in 'articles', not one of \.csv"),
])
def test_an_unknown_format_is_refused(tmp_path, name, message):
    (tmp_path / name).write_text("id,text\na,Lavrov met Kerry.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        import_table(tmp_path / name, tmp_path / "out", id="id", text="text")


def test_a_workbook_named_csv_is_recognised(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(CorpusError, match=r"a\.csv: the file is a ZIP archive \(an \.xlsx"):
        import_table(tmp_path / "a.csv", tmp_path / "out", id="id", text="text")


def test_bad_json_lines_are_row_problems(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": LAVROV}) + "\n{\"id\": \"cut\", \"text\": \n"
                    "[1, 2]\n" + json.dumps({"id": "n", "text": 42}) + "\n"
                    + json.dumps({"id": "nul", "text": None}) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        import_table(path, tmp_path / "out", id="id", text="text")
    messages = [str(p) for p in caught.value.problems]
    assert re.match(r"a\.jsonl row 2 \(line 2\): the line is not valid JSON \(Expecting value",
                    messages[0])
    assert messages[1].startswith("a.jsonl row 3 (line 3): the line is a JSON list, not an object")
    assert "row 4 (line 4) (id 'n'), field 'text': the value is int 42, not text" in messages[2]
    assert "row 5 (line 5) (id 'nul'), field 'text': the text is missing" in messages[3]


def test_an_unclosed_quote_names_its_line(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('id,text\na,"Lavrov met Kerry.\nb,Talks resumed.\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"q\.csv line 2: a quoted field that starts here is"
                       r" never closed"):
        import_table(path, tmp_path / "out", id="id", text="text")


def test_date_format_reads_other_forms_and_says_when_a_date_does_not_match(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("id,text,day\na,Lavrov met Kerry.,21/09/2016\nb,Talks resumed.,2016-09-22\n",
                    encoding="utf-8")
    with pytest.raises(CorpusError, match=r"row 2 \(line 3\) \(id 'b'\), field 'day': '2016-09-22'"
                       r" does not match date_format '%d/%m/%Y' \(which writes 2016-09-21 as"
                       r" '21/09/2016'\)"):
        import_table(path, tmp_path / "out", id="id", text="text", date="day",
                     date_format="%d/%m/%Y")
    with pytest.raises(ParameterError, match="the format '%d/%m' has no year"):
        import_table(path, tmp_path / "out", id="id", text="text", date="day",
                     date_format="%d/%m")


def test_bad_parameters_are_refused_together(tmp_path):
    with pytest.raises(ParameterError, match=r"(?s)'encoding': the encoding 'utf-9' is unknown"
                       r".*'kind': 'news' is not a kind of document"):
        import_table(FAULTY, tmp_path / "out", id="id", text="body", encoding="utf-9",
                     kind="news")


def test_a_non_empty_out_dir_is_refused_and_left_alone(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("Earlier results.", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"out: the output folder is not empty \(it holds"
                       r" 'notes\.txt'\)\. Fix: pass a new folder, or empty this one first"):
        import_table(FAULTY, out, keep_good=True, **COLUMNS)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_nothing_is_written_outside_out_dir_and_an_empty_out_dir_is_used(tmp_path):
    (tmp_path / "out").mkdir()
    before = sorted(tmp_path.rglob("*"))
    import_table(FAULTY, tmp_path / "out", keep_good=True, **COLUMNS)
    after = sorted(tmp_path.rglob("*"))
    assert [p for p in after if p not in before and not p.is_relative_to(tmp_path / "out")] == []
    assert not any(p.name.startswith(".") for p in (tmp_path / "out").iterdir())


def test_a_failure_while_writing_leaves_nothing_behind(tmp_path, monkeypatch):
    import newscorpus.corpus.writing as writing

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(writing, "_publish", broken)
    with pytest.raises(OSError, match="disk full"):
        import_table(FAULTY, tmp_path / "out", keep_good=True, **COLUMNS)
    assert not (tmp_path / "out").exists()


def test_the_command_line_exits_0_when_written_and_1_with_every_problem(tmp_path, capsys):
    args = ["import", str(FAULTY), str(tmp_path / "out"), "--id", "id", "--text", "body",
            "--date", "published", "--url", "link"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: Cannot import faulty.csv: 11 problems")
    assert err.count("Fix:") == 11
    assert not (tmp_path / "out").exists()
    assert main([*args, "--keep-good"]) == 0
    out = capsys.readouterr().out
    assert "Wrote 2 documents to" in out and "2 documents, 239 characters, metadata OK" in out
    assert (tmp_path / "out" / "rejected.csv").is_file()


def newscorpus(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newscorpus", *args], capture_output=True,
                          text=True, timeout=300)


def test_newscorpus_import_end_to_end(tmp_path):
    """The installed command: a table to a folder that validates and loads, byte for byte."""
    table = tmp_path / "articles.jsonl"
    table.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    out = tmp_path / "corpus"
    result = newscorpus("import", str(table), str(out), "--id", "id", "--text", "text",
                        "--title", "title", "--date", "date", "--outlet", "outlet", "--author",
                        "author")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Wrote 3 documents to {out}.\n")
    check_written(out, ARTICLES)
    assert newscorpus("validate", str(out)).returncode == 0
    again = newscorpus("import", str(table), str(out), "--id", "id", "--text", "text")
    assert again.returncode == 1 and "the output folder is not empty" in again.stderr
    bad = newscorpus("import", str(FAULTY), str(tmp_path / "bad"), "--id", "id", "--text",
                     "body", "--date", "published", "--url", "link", "--date-format", "%d/%m")
    assert bad.returncode == 1 and "the format '%d/%m' has no year" in bad.stderr
    faulty = newscorpus("import", str(FAULTY), str(tmp_path / "bad"), "--id", "id", "--text",
                        "body", "--date", "published", "--url", "link")
    assert faulty.returncode == 1 and faulty.stderr.count("Fix:") == 11
    for result in (again, bad, faulty):
        assert "Traceback" not in result.stderr and result.stdout == ""
    assert not (tmp_path / "bad").exists()
