"""Reading the tables earlier notebooks wrote, and grouping documents into periods."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus.base import outputs
from newscorpus.base.errors import NewsCorpusError, ParameterError
from newscorpus.corpus import describe


def test_read_table_keeps_text_as_written(tmp_path):
    table = pd.DataFrame({"doc_id": ["007", "1"], "token": ["2016", "NaN"], "n": [1, 2],
                          "stop": [True, False], "note": ["", "x"]})
    outputs.write_table(table, tmp_path / "t.csv")
    back = outputs.read_table(tmp_path / "t.csv", made_by="01-cleaning")
    assert back["doc_id"].tolist() == ["007", "1"]
    assert back["token"].tolist() == ["2016", "NaN"]
    assert back["n"].tolist() == [1, 2]
    assert back["stop"].tolist() == [True, False]
    assert back["note"].tolist() == ["", "x"]


def test_read_table_parses_dates(tmp_path):
    (tmp_path / "d.csv").write_text("doc_id,date_end\na,2016-06-30\nb,\n", encoding="utf-8")
    back = outputs.read_table(tmp_path / "d.csv", made_by="00-corpus", dates=["date_end"])
    assert back["date_end"].iloc[0] == pd.Timestamp("2016-06-30")
    assert pd.isna(back["date_end"].iloc[1])


@pytest.mark.parametrize("content, says", [
    (None, "does not exist"),
    (b"doc_id,text\na,\xff\xfe\n", "cannot be read as UTF-8 CSV"),
    (b"doc_id\na\n", "has no column text"),
])
def test_read_table_errors_name_the_file_and_the_notebook(tmp_path, content, says):
    path = tmp_path / "sentences.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(NewsCorpusError) as info:
        outputs.read_table(path, made_by="01-cleaning", columns=["doc_id", "text"])
    message = str(info.value)
    assert says in message and "sentences.csv" in message and "01-cleaning" in message
    assert "Traceback" not in message


def test_periods_by_last_day():
    docs = pd.DataFrame({"date_end": pd.to_datetime(
        ["2015-01-01", "2016-12-31", "2017-01-01", "2018-06-30", None])})
    periods = {"2015-16": ["2015", "2016"], "2018": ["2018-01", "2018-12"]}
    labels = describe.assign_periods(docs, periods).tolist()
    assert labels == ["2015-16", "2015-16", describe.OUTSIDE, "2018", describe.NO_DATE]


def test_periods_bounds_are_whole_months_and_leap_days():
    table = describe.parse_periods({"a": ["2016-02", "2016-02"], "b": ["2016-03-01", "2016"]})
    assert table["last"].tolist() == [pd.Timestamp("2016-02-29"), pd.Timestamp("2016-12-31")]


@pytest.mark.parametrize("periods, says", [
    ([], "expected a mapping"),
    ({"a": ["2015"]}, "not a pair"),
    ({"a": ["2015", "Sept 2016"]}, "is not a year"),
    ({"a": ["2015-02-30", "2016"]}, "is not a date"),
    ({"a": ["2016", "2015"]}, "ends before it starts"),
    ({"a": ["2015", "2016"], "b": ["2016-06", "2017"]}, "overlap"),
])
def test_bad_periods_are_refused_with_the_parameter_name(periods, says):
    with pytest.raises(ParameterError) as info:
        describe.parse_periods(periods)
    assert says in str(info.value) and "periods" in str(info.value)


def test_read_table_reads_a_number_column_with_blanks_as_numbers(tmp_path):
    (tmp_path / "t.csv").write_text("actor,n,ci_low,note\nall,8,-0.28,\nUS,1,,x\n",
                                    encoding="utf-8")
    back = outputs.read_table(tmp_path / "t.csv", made_by="03-sentiment")
    assert back["ci_low"].iloc[0] == -0.28 and pd.isna(back["ci_low"].iloc[1])
    assert back["n"].tolist() == [8, 1] and back["note"].tolist() == ["", "x"]
