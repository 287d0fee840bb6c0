"""Web pages in a corpus folder: decoding, extraction with trafilatura, what extraction dropped,
metadata filled from the page, the extraction cache and worker processes, problems reported like
every other corpus problem, and ``newscorpus clean PAGE.html``."""

from __future__ import annotations

import gzip
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newscorpus.base.errors import CorpusError
from newscorpus.corpus import extraction
from newscorpus.corpus.decoding import decode_html
from newscorpus.corpus.extraction import dropped_table
from newscorpus.corpus.render import dropped_blocks, visible_blocks
from newscorpus.corpus.validate import load_corpus, validate_corpus
from newscorpus.corpus.webpages import (
    TRAFILATURA_VERSION,
    article_text,
    extract_html,
    read_html,
)

FIXTURE = Path(__file__).parent / "fixtures" / "html-corpus"
BODY = [
    "Russia has begun withdrawing part of its air group from the Hmeimim base in Syria, the"
    " defence ministry in Moscow said on Tuesday.",
    "The ministry said the aircraft would return to their home airfields within days, while the"
    " air-defence systems deployed last autumn would stay in place.",
    "Diplomats in Geneva said the move could help the talks on a political settlement, which"
    " resumed on Monday after a pause of several weeks.",
    "Café owners in Latakia, near the base, said the flights overhead had become less frequent –"
    " but nobody expected them to stop.",
]
TITLE = "Russia pulls part of its air group out of Syria"


def page(*, charset: str = "utf-8", author: bool = True) -> str:
    """A news page: menu, headline, byline, four paragraphs, related links and a footer."""
    head = (f'<meta charset="{charset}"><title>{TITLE}</title>'
            '<meta property="og:site_name" content="The Levant Monitor">'
            '<meta property="article:published_time" content="2016-03-15T09:30:00+02:00">'
            '<link rel="canonical" href="https://levant-monitor.example/2016/03/air-group">'
            + (' <meta name="author" content="Lina Haddad">' if author else ""))
    paragraphs = "".join(f"<p>{text}</p>" for text in BODY)
    return (f"<!DOCTYPE html><html><head>{head}</head><body>"
            '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/opinion">Opinion</a>'
            f"</nav><article><h1>{TITLE}</h1>{paragraphs}</article>"
            '<aside><h2>Related</h2><ul><li><a href="/a">Turkey closes its border crossing</a></li>'
            "</ul></aside><script>var tracking = 1;</script>"
            "<footer>© 2016 The Levant Monitor. All rights reserved.</footer></body></html>")


# --- decoding ------------------------------------------------------------------------------

def test_a_declared_single_byte_charset_is_used():
    found = extract_html(page(charset="windows-1252").encode("cp1252"))
    assert (found.encoding, found.encoding_source) == ("cp1252", "meta charset")
    assert "Café owners in Latakia" in found.text and "less frequent –" in found.text


def test_iso_8859_1_is_read_as_windows_1252_as_browsers_do():
    assert decode_html("<meta charset=iso-8859-1><p>Talks – again".encode("cp1252")).text \
        .endswith("Talks – again")


def test_utf8_declared_as_latin1_is_read_as_utf8():
    decoded = decode_html(page(charset="iso-8859-1").encode("utf-8"))
    assert (decoded.encoding, decoded.source) == ("utf-8", "valid UTF-8")
    assert "Café" in decoded.text


def test_an_undeclared_cyrillic_page_is_detected_by_charset_normalizer():
    text = ("<p>Министерство обороны России сообщило во вторник, что часть авиагруппы"
            " возвращается с базы Хмеймим на аэродромы постоянной дислокации.</p>")
    decoded = decode_html(text.encode("cp1251"))
    assert (decoded.text, decoded.source) == (text, "charset-normalizer")


def test_byte_order_marks_win():
    assert decode_html("\ufeff<p>Lavrov met Kerry.</p>".encode("utf-16")).encoding == "utf-16"
    assert decode_html(b"\xef\xbb\xbf<p>Lavrov</p>").text == "<p>Lavrov</p>"


@pytest.mark.parametrize(("data", "message"), [
    (b"<html><p>" + bytes(range(128, 256)) * 3, r"page: the page cannot be decoded: as UTF-8,"
     r" byte 0x80 at offset 9 \(line 1\) is invalid; it declares no charset; and"
     r" charset-normalizer recognises no encoding\. Fix: find the page's encoding"),
    (b'<meta charset="utf-16"><p>' + bytes(range(128, 256)) * 3, r"it declares no charset|"
     r"it declares 'utf-16'"),
    (b"%PDF-1.4\n%\xe2\xe3", r"the file is not an HTML page \(a PDF document\)"),
    (b"<html>\x00\x00", r"not an HTML page \(it holds NUL bytes, first at offset 6\)"),
    (b"  \n", r"page: the page is empty\. Fix: download the page again"),
    (b"\x1f\x8b\x08\x00broken", r"the file is damaged gzip"),
])
def test_undecodable_input_is_a_clear_problem(data, message):
    with pytest.raises(CorpusError, match=message):
        extract_html(data)


def test_a_given_encoding_that_does_not_fit_says_where():
    with pytest.raises(CorpusError, match=r"the page is not utf-8: byte 0xE9 at offset 6"
                       r" \(line 1\) cannot be decoded\. Fix: pass the right encoding"):
        decode_html(b"<p>Caf\xe9 talks</p>", encoding="utf-8")


# --- one page ------------------------------------------------------------------------------

def test_article_text_and_metadata_are_extracted():
    found = extract_html(page().encode("utf-8"))
    assert all(sentence in found.text for sentence in BODY)
    for furniture in ("Home", "Turkey closes", "All rights reserved", "tracking"):
        assert furniture not in found.text
    assert (found.title, found.date, found.date_precision, found.author, found.sitename,
            found.url) == (TITLE, "2016-03-15", "day", "Lina Haddad", "The Levant Monitor",
                           "https://levant-monitor.example/2016/03/air-group")
    assert found.corpus_text.split("\n\n")[1] == BODY[0]


def test_what_extraction_dropped_is_listed_in_page_order():
    found = extract_html(page().encode("utf-8"))
    assert found.dropped == ("Home World Opinion", "Related", "Turkey closes its border crossing",
                             "© 2016 The Levant Monitor. All rights reserved.")


def test_a_page_without_an_article_is_refused():
    with pytest.raises(CorpusError, match="page: trafilatura found no article text in the page."
                       " Fix: check that the file holds the article itself"):
        extract_html(b"<html><body><script>consent()</script><img src='x.png'></body></html>")


def test_extraction_never_opens_a_connection(no_network):
    found = extract_html(page().encode(), url="https://levant-monitor.example/2016/03/air-group")
    assert BODY[2] in found.text


def test_extraction_is_deterministic():
    assert extract_html(page().encode()) == extract_html(page().encode())


def test_read_html_reads_gzip_and_checks_the_name(tmp_path):
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(page().encode()))
    assert BODY[1] in read_html(tmp_path / "a.html.gz").text
    assert article_text(tmp_path / "a.html.gz") == read_html(tmp_path / "a.html.gz").corpus_text
    (tmp_path / "b.html.gz").write_bytes(page().encode())
    with pytest.raises(CorpusError, match=r"b\.html\.gz: the file is named \.gz but is not gzip"):
        read_html(tmp_path / "b.html.gz", where="b.html.gz")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    with pytest.raises(CorpusError, match="the file is not named as a web page"):
        read_html(tmp_path / "c.pdf")


def test_visible_blocks_skip_what_a_browser_hides():
    html = ("<html><head><title>T</title><style>p{}</style></head><body><div>Moscow"
            " <span>said</span></div><p style='display: none'>hidden</p><template>t</template>"
            "<p>Line one<br>line two</p><noscript>enable JS</noscript>tail</body></html>")
    assert visible_blocks(html) == ["Moscow said", "Line one", "line two", "tail"]
    assert visible_blocks('<?xml version="1.0" encoding="utf-8"?><p>Lavrov</p>') == ["Lavrov"]
    deep = "<div>" * 1500 + "Deep text" + "</div>" * 1500  # deeper than Python's recursion
    assert visible_blocks(deep) == ["Deep text"]


def test_dropped_blocks_ignore_spacing_and_blocks_without_words():
    assert dropped_blocks(["Moscow said , on Tuesday", "•", "Share this"],
                          ["Moscow said, on Tuesday, that..."]) == ["Share this"]


# --- pages in a corpus folder --------------------------------------------------------------

def make_pages(folder: Path) -> None:
    folder.mkdir()
    (folder / "air-group.html.gz").write_bytes(gzip.compress(page().encode()))
    (folder / "cp1252.htm").write_bytes(page(charset="windows-1252", author=False)
                                        .encode("cp1252"))
    (folder / "notes.txt").write_text("Putin is expected to address the UN General Assembly"
                                      " later in September.\n", encoding="utf-8")
    (folder / "metadata.csv").write_text(
        "doc_id,file,outlet,title,published,notes\n"
        "air-group,air-group.html.gz,,,,\n"
        "air-group-2,cp1252.htm,Levant Monitor (print),My own headline,2016-03,"
        "Collected by hand.\n"
        "un-notes,notes.txt,Russia Direct,,2015-09,\n", encoding="utf-8")


def test_load_corpus_fills_only_empty_fields_and_says_so(tmp_path):
    make_pages(tmp_path / "pages")
    first, second, third = load_corpus(tmp_path / "pages").to_dict("records")
    assert (first["title"], first["published"], first["date_precision"], first["outlet"],
            first["author"], first["url"], first["format"]) == (
        TITLE, "2016-03-15", "day", "The Levant Monitor", "Lina Haddad", "", "html")
    assert str(first["date_start"].date()) == "2016-03-15"
    assert first["notes"] == (f"title, date, author, outlet extracted from the HTML by"
                              f" trafilatura {TRAFILATURA_VERSION}.")
    assert (second["title"], second["published"], second["outlet"], second["author"]) == (
        "My own headline", "2016-03", "Levant Monitor (print)", "")
    assert second["notes"] == "Collected by hand."  # nothing was empty that the page gives
    assert first["text"].rstrip("\n").split("\n\n") == [TITLE, *BODY]
    assert (third["text"], third["notes"], third["format"]) == (
        "Putin is expected to address the UN General Assembly later in September.\n", "", "text")
    assert first["n_bytes"] == (tmp_path / "pages" / "air-group.html.gz").stat().st_size


def test_bad_pages_are_reported_like_every_other_corpus_problem(tmp_path):
    make_pages(tmp_path / "pages")
    folder = tmp_path / "pages"
    (folder / "report.html").write_bytes(b"%PDF-1.4")
    (folder / "empty.html").write_bytes(b"<html><body><script>x()</script></body></html>")
    (folder / "latin.htm").write_bytes(b"<html><p>" + bytes(range(128, 256)) * 3)
    wrong = "0" * 64
    with open(folder / "metadata.csv", "a", encoding="utf-8") as handle:
        handle.write("report,report.html,,,,\nempty,empty.html,,,,\nlatin,latin.htm,,,,\n"
                     "gone,missing.html,,,,\nbad-date,air-group.html.gz,,,2016-13,\n")
    meta = (folder / "metadata.csv").read_text(encoding="utf-8")
    (folder / "metadata.csv").write_text(meta.replace("doc_id,file,outlet,title,published,notes",
                                                      "doc_id,file,outlet,title,published,sha256")
                                         .replace("cp1252.htm,Levant Monitor (print),My own"
                                                  " headline,2016-03,Collected by hand.",
                                                  f"cp1252.htm,,,,{wrong}"), encoding="utf-8")
    report = validate_corpus(folder)
    text = "\n".join(map(str, report.problems))
    for expected in (
            "pages/cp1252.htm (metadata.csv line 3), field 'sha256': the sha256 does not match",
            "pages/report.html (metadata.csv line 5), field 'file': the file is not an HTML page"
            " (a PDF document). Fix: list only web pages",
            "pages/empty.html (metadata.csv line 6), field 'file': trafilatura found no article"
            " text in the page", "pages/latin.htm (metadata.csv line 7), field 'file': the page"
            " cannot be decoded", "pages/missing.html (metadata.csv line 8), field 'file': the"
            " file does not exist", "pages/metadata.csv line 9 (doc_id 'bad-date'), field"
            " 'published': the date '2016-13' does not exist"):
        assert expected in text
    assert len(report.problems) == 7  # those six, and the file listed twice
    with pytest.raises(CorpusError, match="Cannot load the corpus pages: 7 problems found"):
        load_corpus(folder)


def test_an_unlisted_page_is_a_warning(tmp_path):
    make_pages(tmp_path / "pages")
    shutil.copy(tmp_path / "pages" / "cp1252.htm", tmp_path / "pages" / "extra.html")
    report = validate_corpus(tmp_path / "pages")
    assert report.ok and [w.where for w in report.warnings] == ["pages/extra.html"]


def test_a_metadata_column_named_format_clashes(tmp_path):
    make_pages(tmp_path / "pages")
    meta = tmp_path / "pages" / "metadata.csv"
    meta.write_text(meta.read_text(encoding="utf-8").replace(",notes\n", ",format\n"))
    assert "the column 'format' clashes" in str(validate_corpus(tmp_path / "pages").problems)


# --- the fixture corpus: two benchmark pages and a note; cache and workers -----------------

def test_the_fixture_corpus_loads_with_its_metadata_filled(tmp_path):
    docs = load_corpus(FIXTURE, cache_dir=tmp_path / "cache")
    assert docs["format"].tolist() == ["html", "html", "text"]
    moon, iran, note = docs.to_dict("records")
    assert (moon["title"], moon["published"], moon["author"], moon["outlet"]) == (
        "NASA’s commercial moon shot: Musk's and Bezos's firms to bid", "2019-11-19",
        "Laura Winter", "Al Jazeera")
    assert moon["notes"].endswith(f"title, date, author, outlet extracted from the HTML by"
                                  f" trafilatura {TRAFILATURA_VERSION}.")
    assert (iran["title"], iran["published"], iran["author"], iran["outlet"]) == (
        "Amnesty: more than 100 protesters killed in Iran", "2019-11-20", "", "PanARMENIAN.Net")
    assert iran["notes"].endswith("date, outlet extracted from the HTML by trafilatura"
                                  f" {TRAFILATURA_VERSION}.")
    assert "At least 106 protesters in 21 cities have been killed" in iran["text"]
    assert "Copyright" not in iran["text"]
    assert note["notes"] == "A short text written for the tests."
    assert moon["text"] == article_text(FIXTURE / moon["file"])


def test_pages_are_extracted_once_when_a_cache_is_given(tmp_path, monkeypatch):
    first = load_corpus(FIXTURE, cache_dir=tmp_path / "cache")
    names = sorted(p.name for p in (tmp_path / "cache").iterdir())
    sums = [hashlib.sha256((FIXTURE / f).read_bytes()).hexdigest() for f in first["file"][:2]]
    assert names == sorted(extraction.cache_name(s) for s in sums)
    assert all(f".trafilatura-{TRAFILATURA_VERSION}." in name for name in names)

    def refuse(chunk):
        raise AssertionError("a page was extracted again")

    monkeypatch.setattr(extraction, "_extract_chunk", refuse)
    second = load_corpus(FIXTURE, cache_dir=tmp_path / "cache")
    assert second.equals(first)
    table = dropped_table(second, cache_dir=tmp_path / "cache")
    assert list(table.columns) == ["doc_id", "block", "text"]
    assert set(table["doc_id"]) == {"aljazeera-2019-11-moon-shot",
                                    "panarmenian-2019-11-iran-unrest"}
    assert "Copyright © 2000—2019. PAN Media" in table["text"].tolist()
    assert table.groupby("doc_id")["block"].apply(lambda b: b.tolist() == list(
        range(1, len(b) + 1))).all()


def test_a_damaged_cache_file_is_replaced(tmp_path):
    first = load_corpus(FIXTURE, cache_dir=tmp_path / "cache")
    for path in (tmp_path / "cache").iterdir():
        path.write_text("{not json", encoding="utf-8")
    assert load_corpus(FIXTURE, cache_dir=tmp_path / "cache").equals(first)
    assert all(p.read_text(encoding="utf-8").startswith("{\"text\"")
               for p in (tmp_path / "cache").iterdir())


def test_a_cache_that_cannot_be_written_is_a_warning_not_a_problem(tmp_path):
    (tmp_path / "cache").write_text("a file, not a folder", encoding="utf-8")
    with pytest.warns(UserWarning, match="the extraction cache cannot be written"):
        docs = load_corpus(FIXTURE, cache_dir=tmp_path / "cache")
    assert docs["format"].tolist() == ["html", "html", "text"]


def test_worker_processes_give_the_same_corpus():
    assert load_corpus(FIXTURE, workers=2).equals(load_corpus(FIXTURE))


def test_the_seed_corpus_is_read_as_text(tmp_path):
    from .conftest import RAW

    docs = load_corpus(RAW)
    assert docs["format"].tolist() == ["text"] * 5
    assert list(docs.columns[-6:]) == ["text", "path", "date_start", "date_end", "n_bytes",
                                       "format"]


# --- newscorpus clean PAGE.html --------------------------------------------------------------

def test_clean_of_a_page_cleans_its_extracted_text_as_the_notebooks_do():
    from newscorpus.clean.pipeline import clean_text

    path = FIXTURE / "panarmenian-2019-11-iran-unrest.html.gz"
    result = subprocess.run([sys.executable, "-m", "newscorpus", "clean", str(path)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout == clean_text(load_corpus(FIXTURE)["text"][1]).text + "\n"
    bad = subprocess.run([sys.executable, "-m", "newscorpus", "clean", str(FIXTURE / "no.html")],
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1 and "cannot be read" in bad.stderr
    assert "Traceback" not in bad.stderr
