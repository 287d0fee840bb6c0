"""The command line: one summary line or every problem, exit codes, and never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import RAW


def newscorpus(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "newscorpus", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


def test_validate_prints_one_summary_line_for_a_good_corpus():
    result = newscorpus("validate", str(RAW))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1
    assert "5 documents" in result.stdout


def test_validate_prints_every_problem_and_exits_1(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"caf\xe9 au lait")
    (tmp_path / "b.txt").write_text("   \n")
    (tmp_path / "metadata.csv").write_text(
        "doc_id,file,published\na,a.txt,2016-02-30\nb,b.txt,\nb,../../etc/passwd,\n")
    result = newscorpus("validate", str(tmp_path))
    assert result.returncode == 1
    err = result.stderr
    for expected in ("UTF-8", "2016-02-30", "only whitespace", "already listed", "outside"):
        assert expected in err, f"{expected!r} missing from:\n{err}"
    assert "Traceback" not in err + result.stdout


@pytest.mark.parametrize("args", [
    ["validate", "/nonexistent/corpus"],
    ["run", "--params", "/nonexistent/params.yaml"],
])
def test_bad_input_gives_a_message_not_a_traceback(args):
    result = newscorpus(*args)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()


def test_run_refuses_an_unknown_parameter_naming_it(tmp_path):
    # A name no notebook will ever declare, and --out: should the check ever let it through,
    # the run must not rewrite the stored notebooks and figures.
    params = tmp_path / "p.yaml"
    params.write_text("corpus_dir: corpus/raw\nno_such_parameter: 20\n")
    result = newscorpus("run", "--params", str(params), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "unknown parameter 'no_such_parameter'" in result.stderr
    assert "Traceback" not in result.stderr


def test_run_refuses_a_corpus_that_does_not_validate(tmp_path):
    (tmp_path / "metadata.csv").write_text("doc_id,file\na,missing.txt\n")
    result = newscorpus("run", "--corpus", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "missing.txt" in result.stderr and "does not validate" in result.stderr
    assert not (tmp_path / "out").exists()


def test_resources_lists_each_resource_with_versions():
    result = newscorpus("resources")
    assert result.returncode == 0
    assert "VADER lexicon" in result.stdout and "nltk" in result.stdout


# --- newscorpus clean -------------------------------------------------------------------------


def test_clean_prints_exactly_what_the_library_returns():
    from newscorpus.clean.pipeline import clean_text

    path = RAW / "002_80b4455002d72ebe.txt"
    result = newscorpus("clean", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == clean_text(path.read_text(encoding="utf-8")).text + "\n"
    assert "Support The Moscow Times" not in result.stdout


def test_clean_report_gives_offsets_into_the_file():
    import csv
    import io

    path = RAW / "001_990a3a5882737158.txt"
    result = newscorpus("clean", "--report", str(path))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    raw = path.read_text(encoding="utf-8")
    assert {r["rule"] for r in rows} >= {"captions", "related", "disclaimers"}
    for row in rows:
        assert raw[int(row["start"]):int(row["end"])] == row["text"]


def test_clean_reads_standard_input_and_heads_several_files():
    result = subprocess.run([sys.executable, "-m", "newscorpus", "clean", "-"],
                            input="Photo: AP\n\nMoscow launch ed strikes [24].\n",
                            capture_output=True, text=True, timeout=300)
    assert result.stdout == "Moscow launched strikes.\n"
    several = newscorpus("clean", str(RAW / "000_f8433946fbc09595.txt"),
                         str(RAW / "001_990a3a5882737158.txt"))
    assert several.stdout.count("==> ") == 2


@pytest.mark.parametrize("args,expected", [
    (["clean", "/nonexistent/file.txt"], "cannot be read"),
    (["clean", "-", "--rules", "captionz"], "unknown cleaning rule 'captionz'"),
    (["clean", "-", "--skip", "nope"], "option '--skip': unknown cleaning rule 'nope'; the rules"
     " are unicode, captions, "),
    (["clean"], "no file given"),
])
def test_clean_refuses_bad_input_in_one_sentence(args, expected):
    result = newscorpus(*args)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_clean_takes_a_file_after_skip_as_a_file_not_a_rule(tmp_path):
    # --skip took every word after it (nargs="+"), so FILE became an unknown rule name.
    path = RAW / "001_990a3a5882737158.txt"
    result = newscorpus("clean", "--skip", "nosuchrule", str(path))
    assert result.returncode == 1 and result.stdout == ""
    assert "unknown cleaning rule 'nosuchrule'; the rules are unicode, captions" in result.stderr
    assert str(path) not in result.stderr and "Traceback" not in result.stderr


def test_clean_skips_rules_named_with_commas_or_a_repeated_option():
    from newscorpus.clean.pipeline import RULE_NAMES, clean_text

    path = RAW / "001_990a3a5882737158.txt"
    rules = [r for r in RULE_NAMES if r not in ("captions", "related")]
    expected = clean_text(path.read_text(encoding="utf-8"), rules=rules).text + "\n"
    for args in (["--skip", "captions,related"], ["--skip", "captions", "--skip", "related"],
                 ["--skip", "captions", "--skip=related"]):
        result = newscorpus("clean", *args, str(path))
        assert result.returncode == 0, result.stderr
        assert result.stdout == expected
    only = newscorpus("clean", "--rules", "unicode,citations", "--rules", "captions", str(path))
    assert only.stdout == clean_text(path.read_text(encoding="utf-8"),
                                     rules=["unicode", "citations", "captions"]).text + "\n"


def test_clean_says_a_rule_name_in_place_of_a_file_is_a_rule(tmp_path):
    path = RAW / "001_990a3a5882737158.txt"
    result = newscorpus("clean", "--skip", "captions", "related", str(path), cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert ("'related' is a cleaning rule, not a file. Fix: after --skip or --rules, separate"
            " several rules with commas (--skip a,b)") in result.stderr


@pytest.mark.parametrize(("args", "expected"), [
    (["run", "--timeout", "-1"], "argument --timeout: must be at least 1 (seconds a cell may run)"
     ", got -1"),
    (["run", "--timeout", "0"], "argument --timeout: must be at least 1"),
    (["run", "--timeout", "1.5"], "argument --timeout: expected a whole number of seconds"),
    (["run", "--only", ""], "argument --only: an empty value names nothing"),
    (["run", "--out", ""], "argument --out: an empty value names nothing"),
    (["run", "--corpus", " "], "argument --corpus: an empty value names nothing"),
    (["validate", ""], "argument dir: an empty value names nothing"),
    (["import", "t.csv", "", "--id", "id", "--text", "text"], "argument OUT_DIR: an empty"),
    (["clean", "--skip", "captions,", "-"], "argument --skip: expected rule names separated by"
     " commas, got 'captions,'"),
])
def test_nonsense_option_values_are_refused_before_anything_runs(tmp_path, args, expected):
    result = newscorpus(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written, not even in the working directory


def test_clean_refuses_a_file_that_is_not_utf8(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 Damas".encode("latin-1"))
    result = newscorpus("clean", str(bad))
    assert result.returncode == 1 and "not UTF-8" in result.stderr
    assert result.stdout == ""


# --- newscorpus sentiment ---------------------------------------------------------------------


def sentiment_csv(stdout: str):
    import io

    import pandas as pd

    return pd.read_csv(io.StringIO(stdout), keep_default_na=False, na_values=[""],
                       dtype={"text": str})


def test_sentiment_scores_standard_input_as_score_texts_does():
    from newscorpus.sentiment.scorers import score_texts

    lines = ["Russia is not a good partner.", "", "   ", "The talks were a success!",
             "He said \"no\", then left, the U.S. envoy wrote."]
    result = subprocess.run([sys.executable, "-m", "newscorpus", "sentiment", "-"],
                            input="\n".join(lines) + "\n", capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    table = sentiment_csv(result.stdout)
    assert list(table.columns) == ["line", "text", "neg", "neu", "pos", "compound", "rating"]
    assert table["line"].tolist() == [1, 4, 5]  # blank lines skipped, numbers kept
    kept = [line for line in lines if line.strip()]
    assert table["text"].tolist() == kept
    expected = score_texts(kept)  # the news scorer, the default of both
    for column in ("compound", "rating"):
        assert table[column].tolist() == expected[column].tolist()
    assert table["neg"].isna().all()


def test_sentiment_of_a_file_equals_the_notebooks_sentence_scores(tmp_path):
    from newscorpus.sentiment.scorers import score_sentences

    from .test_sentiment import sentence_table

    sample = sentence_table().iloc[[3, 10, 50, 100, 200]]
    path = tmp_path / "sentences.txt"
    path.write_text("\n".join(sample["text"]) + "\n", encoding="utf-8")
    for method in ("news", "vader", "pattern"):
        result = newscorpus("sentiment", str(path), "--method", method)
        assert result.returncode == 0, result.stderr
        table = sentiment_csv(result.stdout)
        scored = score_sentences(sample, method)
        assert table["compound"].tolist() == scored["compound"].tolist()
        if method == "pattern":
            assert table["subjectivity"].tolist() == scored["subjectivity"].tolist()
            assert table["neg"].isna().all()


@pytest.mark.parametrize(("args", "status", "expected"), [
    (["sentiment", "/nonexistent/file.txt"], 1, "cannot be read (No such file or directory)"),
    (["sentiment", "-", "--method", "bert"], 2, "invalid choice: 'bert'"),
    (["sentiment", "-", "--processes", "0"], 1, "parameter 'processes'"),
    (["sentiment"], 2, "the following arguments are required: FILE"),
])
def test_sentiment_refuses_bad_input_in_one_sentence(args, status, expected):
    result = subprocess.run([sys.executable, "-m", "newscorpus", *args], input="ok\n",
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == status
    assert expected in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_sentiment_refuses_input_that_is_not_utf8(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 Damas\n".encode("latin-1"))
    for args, stdin in (([str(bad)], None), (["-"], bad.read_bytes())):
        result = subprocess.run([sys.executable, "-m", "newscorpus", "sentiment", *args],
                                input=stdin, capture_output=True, timeout=300)
        err = result.stderr.decode()
        assert result.returncode == 1 and "not UTF-8: byte 0xE9" in err, err
        assert "Traceback" not in err and result.stdout == b""


# --- newscorpus motives -----------------------------------------------------------------------


def test_motives_gives_the_notebooks_labels_for_the_corpus_sentences(tmp_path):
    """Every sentence of the five corpus texts, one per line: the labels of motive_table."""
    from newscorpus import clean, corpus
    from newscorpus.motives import motive_flags, motive_table

    sentences = clean.clean_corpus(corpus.load_corpus(RAW))["sentences"]
    sentences = sentences[~sentences["text"].str.contains("\n")].reset_index(drop=True)
    expected = motive_flags(sentences, motive_table(sentences))["motives"].tolist()
    assert sum(map(bool, expected)) >= 40  # the test covers many labelled sentences
    path = tmp_path / "sentences.txt"
    path.write_text("\n".join(sentences["text"]) + "\n", encoding="utf-8")
    result = newscorpus("motives", str(path))
    assert result.returncode == 0, result.stderr
    table = sentiment_csv(result.stdout)
    assert list(table.columns[:4]) == ["line", "text", "motives", "motive"]
    assert {"actor", "cue", "term", "cue_start", "term_end", "cue_kind"} <= set(table.columns)
    per_line = table.drop_duplicates("line")
    assert per_line["line"].tolist() == list(range(1, len(sentences) + 1))
    assert per_line["motives"].fillna("").tolist() == expected
    # one evidence row per label found
    labelled = table[table["motive"].notna()]
    assert len(labelled) == sum(len(m.split(";")) for m in expected if m)


def test_motives_reads_standard_input_and_keeps_line_numbers():
    lines = ["Russia wants to keep its naval base at Tartus.", "", "It rained in Idlib."]
    result = subprocess.run([sys.executable, "-m", "newscorpus", "motives", "-"],
                            input="\n".join(lines) + "\n", capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    table = sentiment_csv(result.stdout)
    assert table["line"].tolist() == [1, 3]
    assert table["motives"].fillna("").tolist() == ["military_presence", ""]
    assert table.loc[0, ["actor", "cue", "term"]].tolist() == ["Russia", "wants", "naval base"]
    assert table.loc[0, "cue_start"] == 7  # a whole number, not 7.0


@pytest.mark.parametrize(("args", "expected"), [
    (["motives", "/nonexistent/file.txt"], "cannot be read (No such file or directory)"),
    (["motives", "-", "--motives-file", "/nonexistent/rules.yaml"],
     "the motive rules file does not exist"),
])
def test_motives_refuses_bad_input_in_one_sentence(args, expected):
    result = subprocess.run([sys.executable, "-m", "newscorpus", *args], input="ok\n",
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert expected in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_motives_refuses_a_file_that_is_not_utf8_and_rules_that_are_not_yaml(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 Damas\n".encode("latin-1"))
    rules = tmp_path / "rules.yaml"
    rules.write_text("labels: [\n", encoding="utf-8")
    for args, expected in (([str(bad)], "not UTF-8: byte 0xE9"),
                           (["-", "--motives-file", str(rules)], "is not valid YAML")):
        result = subprocess.run([sys.executable, "-m", "newscorpus", "motives", *args],
                                input=b"ok\n", capture_output=True, timeout=300)
        err = result.stderr.decode()
        assert result.returncode == 1 and expected in err and err.count("\n") == 1, err
        assert "Traceback" not in err and result.stdout == b""
