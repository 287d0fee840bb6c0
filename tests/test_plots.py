"""Figures: saved with their data, under the notebook's number, identical on every save."""

from __future__ import annotations

import hashlib

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from newscorpus.base.errors import ParameterError  # noqa: E402
from newscorpus.base.figures import heatmap_chart, save_figure, use_style
from newscorpus.corpus.charts import lengths_chart, timeline_chart
from newscorpus.keywords.charts import (
    collocates_chart,
    dispersion_chart,
    keyness_chart,
    top_terms_chart,
)
from newscorpus.sentiment.charts import (
    agreement_chart,
    arc_chart,
    distribution_chart,
    interval_chart,
    saturation_chart,
    tone_timeline_chart,
)

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
    use_style()
    fig, _ = lengths_chart(LENGTHS)
    saved = save_figure(fig, LENGTHS, "00-lengths", tmp_path)
    assert [p.name for p in saved] == ["00-lengths.png", "00-lengths.svg", "00-lengths.csv"]
    assert saved.png.read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in saved.svg.read_bytes()
    pd.testing.assert_frame_equal(pd.read_csv(saved.csv), LENGTHS)
    assert not list(tmp_path.glob(".*.tmp")), "temporary files left behind"
    plt.close(fig)


@pytest.mark.parametrize("chart", ["lengths", "timeline"])
def test_saving_the_same_figure_twice_gives_identical_bytes(tmp_path, chart):
    use_style()
    digests = []
    for run in ("one", "two"):
        if chart == "lengths":
            fig, _ = lengths_chart(LENGTHS)
        else:
            fig, _ = timeline_chart(TIMELINE)
        digests.append(_digest(save_figure(fig, LENGTHS, f"00-{chart}", tmp_path / run)))
        plt.close(fig)
    assert digests[0] == digests[1]
    svg = (tmp_path / "one" / f"00-{chart}.svg").read_text()
    assert "<dc:date>" not in svg


@pytest.mark.parametrize(
    "name", ["lengths", "0-lengths", "00_lengths", "00-Lengths", "00-", "../00-x"])
def test_figure_names_must_start_with_the_notebook_number(tmp_path, name):
    fig, _ = plt.subplots()
    with pytest.raises(ParameterError, match="two digits, a hyphen"):
        save_figure(fig, LENGTHS, name, tmp_path)
    plt.close(fig)
    assert not any(tmp_path.iterdir())


def test_a_failure_while_saving_leaves_the_previous_files_untouched(tmp_path):
    fig, _ = lengths_chart(LENGTHS)
    saved = save_figure(fig, LENGTHS, "00-lengths", tmp_path)
    before = _digest(saved)

    class Broken(pd.DataFrame):
        def to_csv(self, *args, **kwargs):
            raise OSError("disk full")

    fig2, ax = lengths_chart(LENGTHS.assign(words=[1, 1]))
    with pytest.raises(OSError, match="disk full"):
        save_figure(fig2, Broken(LENGTHS), "00-lengths", tmp_path)
    assert _digest(saved) == before
    assert not list(tmp_path.glob(".*.tmp"))
    plt.close("all")


# --- keyword and sentiment charts: they draw what the table says ---------------------------------

KEYNESS = pd.DataFrame({"term": ["base", "assad", "talks", "oil"],
                        "count_target": [10, 8, 0, 1], "count_reference": [1, 2, 9, 5],
                        "g2": [9.0, 4.0, 8.0, 2.0], "log_ratio": [3.2, 1.9, -4.1, -2.3]})
SCORED = pd.DataFrame({"doc_id": ["a"] * 6 + ["b"] * 3,
                       "compound": [0.5, -0.2, 0.0, 0.3, -0.6, 0.1, -0.9, 0.0, 0.4]})


def test_keyness_chart_draws_both_sides_with_bar_length_the_log_ratio():
    use_style()
    fig, ax = keyness_chart(KEYNESS, k=2)
    widths = sorted(round(p.get_width(), 2) for p in ax.patches)
    assert widths == [-4.1, -2.3, 1.9, 3.2]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["base", "assad", "oil", "talks"]  # strongest at the two ends
    assert any("10:1" in t.get_text() for t in ax.texts)
    plt.close(fig)


def test_heatmap_writes_every_value_with_its_count():
    use_style()
    wide = pd.DataFrame({"x": [0.25, 0.0], "y": [1.0, 0.5]}, index=["t1", "t2"])
    counts = pd.DataFrame([[1, 0], [4, 2]])
    fig, ax = heatmap_chart(wide, counts=counts)
    assert sorted(t.get_text() for t in ax.texts) == sorted(
        ["25%\nn=1", "100%\nn=0", "0%\nn=4", "50%\nn=2"])
    plt.close(fig)


def test_interval_chart_and_reference_points():
    use_style()
    summary = pd.DataFrame({"label": ["r1", "r2"], "mean_compound": [0.1, -0.2],
                            "ci_low": [0.0, float("nan")], "ci_high": [0.2, float("nan")],
                            "n": [5, 1]})
    ref = pd.DataFrame({"label": ["r2"], "mean_compound": [-0.3]})
    fig, ax = interval_chart(summary, label="label", reference=ref)
    assert [t.get_text() for t in ax.texts] == ["n=5", "n=1"]
    assert "published" in [t.get_text() for t in ax.get_legend().get_texts()]
    plt.close(fig)


@pytest.mark.parametrize("draw", [
    lambda: distribution_chart(SCORED),
    lambda: arc_chart(SCORED, window=3),
    lambda: agreement_chart(SCORED.assign(other=SCORED["compound"] * 2), x="compound",
                                  y="other", by="doc_id"),
])
def test_sentiment_charts_are_identical_on_every_run(tmp_path, draw):
    use_style()
    digests = []
    for run in ("one", "two"):
        fig, _ = draw()
        digests.append(_digest(save_figure(fig, SCORED, "03-chart", tmp_path / run)))
        plt.close(fig)
    assert digests[0] == digests[1]


def test_agreement_chart_states_pearson_r():
    use_style()
    table = pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0], "y": [2.0, 4.0, 6.0, 8.5]})
    fig, axes = agreement_chart(table, x="x", y="y")
    expected = table["x"].corr(table["y"])
    assert axes[0].get_title(loc="left") == f"r = {expected:.3f}, n = 4"
    plt.close(fig)


def test_agreement_table_holds_the_bins_the_chart_draws_for_a_large_panel():
    import numpy as np

    from newscorpus.sentiment.charts import agreement_table

    use_style()
    rng = np.random.default_rng(0)
    table = pd.DataFrame({"x": rng.uniform(-1, 1, 3000), "g": ["a"] * 2500 + ["b"] * 500})
    table["y"] = table["x"] * 0.5 + rng.normal(0, 0.1, 3000)
    fig, axes = agreement_chart(table, x="x", y="y", by="g")
    drawn = axes[0].collections[0]  # panel a: 2,500 units, hexagonal bins
    binned = agreement_table(table, x="x", y="y", by="g")
    part = binned[binned["g"] == "a"]
    assert part[["x", "y"]].to_numpy().tolist() == drawn.get_offsets().tolist()
    assert part["count"].tolist() == drawn.get_array().astype(int).tolist()
    assert part["count"].sum() == 2500 and len(part) < 2500
    # panel b (500 units) is drawn as dots: its rows are the units themselves
    assert binned[binned["g"] == "b"]["count"].tolist() == [1] * 500
    plt.close(fig)


def test_dispersion_chart_puts_each_hit_on_its_term_row():
    use_style()
    hits = pd.DataFrame({"term": ["russia", "assad", "russia"], "offset": [3, 10, 40]})
    spans = pd.DataFrame({"doc_id": ["a", "b"], "start": [0, 30], "end": [30, 50]})
    fig, ax = dispersion_chart(hits, spans, ["russia", "assad", "iran"])
    rows = {tuple(line.get_xdata()): set(line.get_ydata()) for line in ax.lines
            if line.get_marker() == "|" and len(line.get_xdata())}
    assert rows == {(3, 40): {0}, (10,): {1}}
    plt.close(fig)


def test_interval_chart_reads_reference_values_from_their_own_column():
    use_style()
    table = pd.DataFrame({"label": ["a", "b"], "measured": [0.49, 0.30], "ci_low": [0.46, 0.27],
                          "ci_high": [0.52, 0.33], "n": [10, 10],
                          "published": [0.492, float("nan")]})
    fig, ax = interval_chart(table, label="label", value="measured", reference=table,
                                   reference_value="published", reference_label="paper")
    diamonds = [line for line in ax.lines if line.get_marker() == "D"]
    assert [list(d.get_xdata()) for d in diamonds] == [[0.492]]  # row b has no figure
    assert [list(d.get_ydata()) for d in diamonds] == [[0]]
    assert "paper" in [t.get_text() for t in ax.get_legend().get_texts()]
    plt.close(fig)


def test_heatmap_marks_a_missing_value_instead_of_writing_nan():
    use_style()
    wide = pd.DataFrame({"x": [1.0, float("nan")]}, index=["t1", "t2"])
    fig, ax = heatmap_chart(wide)
    assert sorted(t.get_text() for t in ax.texts) == ["100%", "–"]
    plt.close(fig)


def test_tone_timeline_numbers_the_documents_in_date_order_with_a_key():
    use_style()
    summary = pd.DataFrame({
        "doc_id": ["late", "early", "undated"], "n": [5, 7, 2],
        "date_start": pd.to_datetime(["2018-04-17", "2015-09-01", None]),
        "date_end": pd.to_datetime(["2018-04-17", "2015-09-30", None]),
        "mean_compound": [-0.1, 0.0, 0.2], "ci_low": [-0.2, -0.1, 0.1],
        "ci_high": [0.0, 0.1, 0.3]})
    fig, ax = tone_timeline_chart(summary)
    assert [t.get_text() for t in ax.texts] == ["1", "2"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["1  early (n=7)",
                                                                   "2  late (n=5)"]
    plt.close(fig)


@pytest.mark.parametrize("chart,args", [
    (timeline_chart, (pd.DataFrame({"doc_id": ["a"], "outlet": [""], "date_start": [pd.NaT],
                                      "date_end": [pd.NaT]}),)),
    (top_terms_chart, (pd.DataFrame(columns=["doc_id", "term", "per_10k"]),)),
    (collocates_chart, (pd.DataFrame(columns=["node", "collocate", "side", "count",
                                                "likelihood_ratio"]),)),
    (heatmap_chart, (pd.DataFrame(),)),
    (arc_chart, (pd.DataFrame(columns=["doc_id", "compound"]),)),
    (distribution_chart, (pd.DataFrame(columns=["doc_id", "compound"]),)),
    (saturation_chart, (pd.DataFrame(columns=["k", "compound_joined", "mean_compound"]),)),
    (tone_timeline_chart, (pd.DataFrame({"doc_id": ["a"], "date_start": [pd.NaT],
                                           "date_end": [pd.NaT], "mean_compound": [0.1],
                                           "ci_low": [0.0], "ci_high": [0.2], "n": [3]}),)),
])
def test_a_chart_without_data_says_so_instead_of_failing(chart, args):
    fig, ax = chart(*args)
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == 1 and texts[0].startswith("No")
    plt.close(fig)


def test_an_empty_keyness_table_draws_its_reason():
    table = pd.DataFrame(columns=["term", "count_target", "count_reference", "g2", "log_ratio"])
    table.attrs["reason"] = "Keyness compares two groups, and there is one."
    fig, ax = keyness_chart(table)
    assert [t.get_text() for t in ax.texts] == [table.attrs["reason"]]
    plt.close(fig)
