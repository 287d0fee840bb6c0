"""Notebook 04's one pass (label_and_write): the same evidence and aggregates on both backends.

The sentences come from notebook 01's pass (``clean_and_write``) on the seeds and on a generated
corpus, as CSV (local) and as Parquet parts (dask); the shares per group and per document drawn
from the kept rows per unit equal those of ``motive_shares`` on the whole tables.
"""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus.base.errors import NewsCorpusError
from newscorpus.base.outputs import read_table
from newscorpus.clean import clean_and_write, select_roles
from newscorpus.corpus import document_groups
from newscorpus.corpus.snippets import analysis_units
from newscorpus.motives import (
    label_and_write,
    motive_flags,
    motive_shares,
    motive_table,
    shares_from_units,
    unit_groups,
)

from .conftest import PERIODS, ROOT, assert_same_results, load_quietly

dask = pytest.importorskip("dask")
pytest.importorskip("distributed")

ROLES = ["title", "standfirst", "subheading", "body"]


def _label(folder, docs, groups, **options):
    return label_and_write(folder, docs, groups, roles=ROLES, by="period", periods=PERIODS,
                           **options)


def test_both_backends_write_the_same_evidence_and_keep_the_same_aggregates(written, client):
    docs, groups, folder = written
    local = _label(folder / "local", docs, groups)
    far = _label(folder / "dask", docs, groups, backend="dask",
                 scheduler=client.scheduler.address)
    assert_same_results(local, far)
    assert (folder / "local" / "motives.csv").is_file()
    assert (folder / "dask" / "motives").is_dir()
    assert not (folder / "dask" / "motives.csv").exists()
    pd.testing.assert_frame_equal(read_table(folder / "local" / "motives.csv", made_by="04"),
                                  read_table(folder / "dask" / "motives.csv", made_by="04"),
                                  check_exact=True)
    assert [p.name for p in (folder / "dask").iterdir() if p.name.startswith(".")] == []
    # Dask on sentences.csv (no Parquet folder): cut into slices of whole documents
    sliced = _label(folder / "local", docs, groups, backend="dask", partition_mb=0.01,
                    scheduler=client.scheduler.address)
    assert_same_results(local, sliced)


def test_the_shares_from_the_rows_per_unit_are_those_of_the_whole_tables(written):
    docs, groups, folder = written
    got = _label(folder / "local", docs, groups)
    sentences = select_roles(read_table(folder / "local" / "sentences.csv", made_by="01"),
                             ROLES)
    units = analysis_units(sentences.reset_index(drop=True), docs)
    flags = motive_flags(units, motive_table(units))
    found = unit_groups(units, groups, "period", periods=PERIODS)
    order = groups.attrs["order"]
    pd.testing.assert_frame_equal(
        shares_from_units(got["per_unit"], order=order, n_boot=200),
        motive_shares(flags, units, found, order=order, n_boot=200), check_exact=True)
    shown = list(docs["doc_id"][:3])
    per_unit = got["per_unit"]
    pd.testing.assert_frame_equal(
        shares_from_units(per_unit.assign(group=per_unit["doc_id"].where(
            per_unit["doc_id"].isin(shown))), order=shown, n_boot=200),
        motive_shares(flags, units, units["doc_id"].where(units["doc_id"].isin(shown)),
                      order=shown, n_boot=200), check_exact=True)
    # counted by hand from the flags: sentences per label, and rows per unit
    assert got["counts"].set_index("label")["sentences"].to_dict() == {
        label: int(flags[label].sum()) for label in got["counts"]["label"]}
    assert int(got["per_unit"]["sentences"].sum()) == len(units)
    assert len(got["per_unit"]) == units["unit_id"].nunique()


def test_a_part_that_fails_on_a_worker_leaves_the_earlier_evidence_whole(tmp_path, client):
    docs = load_quietly(ROOT / "corpus" / "raw")
    groups = document_groups(docs.set_index("doc_id"), "period", periods=PERIODS)
    clean_and_write(docs, tmp_path, backend="dask", scheduler=client.scheduler.address,
                    partition_mb=0.004)
    _label(tmp_path, docs, groups, backend="dask", scheduler=client.scheduler.address)
    before = {p.name: p.read_bytes() for p in (tmp_path / "motives").iterdir()}
    last = sorted((tmp_path / "sentences").glob("*.parquet"))[-1]
    pd.read_parquet(last).drop(columns=["text"]).to_parquet(last, index=False)
    with pytest.raises(NewsCorpusError, match="text"):
        _label(tmp_path, docs, groups, backend="dask", scheduler=client.scheduler.address)
    assert {p.name: p.read_bytes() for p in (tmp_path / "motives").iterdir()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
