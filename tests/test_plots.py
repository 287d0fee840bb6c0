"""Figures: saved with their data, under the notebook's number, identical on every save."""

from __future__ import annotations

import hashlib

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from newscorpus import plots  # noqa: E402
from newscorpus.errors import ParameterError  # noqa: E402

LENGTHS = pd.DataFrame({"doc_id": ["a", "b"], "characters": [120, 40], "words": [20, 7],
                        "sentences": [2, 1]})
TIMELINE = pd.DataFrame({
    "doc_id": ["a", "b"], "outlet": ["Outlet X", "Outlet Y"],
    "date_start": pd.to_datetime(["2016-06-03", "2015-09-01"]),
    "date_end": pd.to_datetime(["2016-06-03", "2015-09-30"]),
})


def _digest(paths):
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def test_save_figure_writes_png_svg_and_csv_with_the_table(tmp_path):
    plots.use_style()
    fig, _ = plots.lengths_chart(LENGTHS)
    saved = plots.save_figure(fig, LENGTHS, "00-lengths", tmp_path)
    assert [p.name for p in saved] == ["00-lengths.png", "00-lengths.svg", "00-lengths.csv"]
    assert saved.png.read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in saved.svg.read_bytes()
    pd.testing.assert_frame_equal(pd.read_csv(saved.csv), LENGTHS)
    assert not list(tmp_path.glob(".*.tmp")), "temporary files left behind"
    plt.close(fig)


@pytest.mark.parametrize("chart", ["lengths", "timeline"])
def test_saving_the_same_figure_twice_gives_identical_bytes(tmp_path, chart):
    plots.use_style()
    digests = []
    for run in ("one", "two"):
        if chart == "lengths":
            fig, _ = plots.lengths_chart(LENGTHS)
        else:
            fig, _ = plots.timeline_chart(TIMELINE)
        digests.append(_digest(plots.save_figure(fig, LENGTHS, f"00-{chart}", tmp_path / run)))
        plt.close(fig)
    assert digests[0] == digests[1]
    svg = (tmp_path / "one" / f"00-{chart}.svg").read_text()
    assert "<dc:date>" not in svg


@pytest.mark.parametrize(
    "name", ["lengths", "0-lengths", "00_lengths", "00-Lengths", "00-", "../00-x"])
def test_figure_names_must_start_with_the_notebook_number(tmp_path, name):
    fig, _ = plt.subplots()
    with pytest.raises(ParameterError, match="two digits, a hyphen"):
        plots.save_figure(fig, LENGTHS, name, tmp_path)
    plt.close(fig)
    assert not any(tmp_path.iterdir())


def test_a_failure_while_saving_leaves_the_previous_files_untouched(tmp_path):
    fig, _ = plots.lengths_chart(LENGTHS)
    saved = plots.save_figure(fig, LENGTHS, "00-lengths", tmp_path)
    before = _digest(saved)

    class Broken(pd.DataFrame):
        def to_csv(self, *args, **kwargs):
            raise OSError("disk full")

    fig2, ax = plots.lengths_chart(LENGTHS.assign(words=[1, 1]))
    with pytest.raises(OSError, match="disk full"):
        plots.save_figure(fig2, Broken(LENGTHS), "00-lengths", tmp_path)
    assert _digest(saved) == before
    assert not list(tmp_path.glob(".*.tmp"))
    plt.close("all")
