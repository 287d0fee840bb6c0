"""Batch execution: parameters checked first, failures named, outputs stable and stripped."""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from newscorpus import run
from newscorpus.base.errors import ParameterError


def _notebook(path, *sources):
    cells = [new_markdown_cell("# test"),
             new_code_cell('greeting: str = "hello"', metadata={"tags": ["parameters"]})]
    cells += [new_code_cell(s) for s in sources]
    nb = new_notebook(cells=cells, metadata={"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}})
    for i, cell in enumerate(nb.cells):
        cell.id = f"c{i}"
    nbformat.write(nb, path)
    return path


def test_load_params_refuses_a_missing_file_and_a_non_mapping(tmp_path):
    with pytest.raises(ParameterError, match="does not exist"):
        run.load_params(tmp_path / "nope.yaml")
    bad = tmp_path / "list.yaml"
    bad.write_text("- a\n- b\n")
    with pytest.raises(ParameterError, match="mapping of parameters"):
        run.load_params(bad)
    broken = tmp_path / "broken.yaml"
    broken.write_text("a: [1, 2\n")
    with pytest.raises(ParameterError, match="not valid UTF-8 YAML"):
        run.load_params(broken)


def _collection(tmp_path, params_yaml):
    """A folder with one notebook, and a parameter file; return both paths."""
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    _notebook(nbs / "00-a.ipynb", "print(greeting)")
    params = tmp_path / "p.yaml"
    params.write_text(params_yaml)
    return nbs, params


def test_an_unknown_parameter_is_refused_before_anything_runs(tmp_path):
    nbs, params = _collection(tmp_path, "greting: hi\n")
    with pytest.raises(ParameterError, match="unknown parameter 'greting'.*use one of: greeting"):
        run.run_all(params, notebooks_dir=nbs)


def test_a_folder_without_notebooks_is_refused(tmp_path):
    with pytest.raises(ParameterError, match="no notebook named like"):
        run.find_notebooks(tmp_path)


def _execute(nb, out, params, tmp_path):
    scratch = tmp_path / "scratch"
    scratch.mkdir(exist_ok=True)
    return run.execute_notebook(nb, out, params, scratch=scratch, failed_dir=tmp_path / "failed",
                                progress=False)


def test_execution_is_stripped_of_volatile_metadata_and_repeatable(tmp_path):
    nb = _notebook(tmp_path / "00-ok.ipynb", "print(greeting * 2)")
    out = tmp_path / "out" / "00-ok.ipynb"
    _execute(nb, out, {"greeting": "hi"}, tmp_path)
    first = out.read_bytes()
    _execute(nb, out, {"greeting": "hi"}, tmp_path)
    assert out.read_bytes() == first
    result = nbformat.read(out, as_version=4)
    assert "papermill" not in result.metadata
    assert all("execution" not in c.metadata for c in result.cells)
    printed = [o for c in result.cells if c.cell_type == "code" for o in c.outputs]
    assert printed[-1]["text"] == "hihi\n"


def test_the_stored_notebook_has_no_injected_cell_and_its_parameters_cell_runs_the_values(
        tmp_path):
    nb = _notebook(tmp_path / "00-ok.ipynb", "print(greeting * 2)")
    out = tmp_path / "out" / "00-ok.ipynb"
    _execute(nb, out, {"greeting": "hi"}, tmp_path)
    result = nbformat.read(out, as_version=4)
    assert not [c for c in result.cells if "injected-parameters" in c.metadata.get("tags", [])]
    params = [c for c in result.cells if "parameters" in c.metadata.get("tags", [])]
    assert params[0].source == "greeting: str = 'hi'  # set by the run"
    _execute(nb, out, {"greeting": "hello"}, tmp_path)  # the default: the cell is unchanged
    params = [c for c in nbformat.read(out, as_version=4).cells
              if "parameters" in c.metadata.get("tags", [])]
    assert params[0].source == 'greeting: str = "hello"'


def test_print_calls_flushed_in_pieces_are_stored_as_one_stream(tmp_path):
    loop = "import sys, time\nfor i in range(3):\n    print(i)\n    sys.stdout.flush()\n" \
           "    time.sleep(0.3)"
    nb = _notebook(tmp_path / "00-loop.ipynb", loop)
    out = tmp_path / "out.ipynb"
    _execute(nb, out, {}, tmp_path)
    outputs = nbformat.read(out, as_version=4).cells[-1].outputs
    assert [(o.output_type, o.text) for o in outputs] == [("stream", "0\n1\n2\n")]


def test_a_failing_cell_is_named_and_the_stored_notebook_is_untouched(tmp_path):
    nb = _notebook(tmp_path / "01-bad.ipynb", "x = 1", "raise ValueError('bad corpus row 3')")
    before = nb.read_bytes()
    with pytest.raises(run.RunError, match=r"01-bad.ipynb cell \d+.*ValueError: bad corpus row 3"):
        _execute(nb, nb, {}, tmp_path)
    assert nb.read_bytes() == before
    assert (tmp_path / "failed" / "01-bad.ipynb").is_file()


def test_only_must_match_a_notebook(tmp_path):
    nbs, params = _collection(tmp_path, "greeting: hi\n")
    with pytest.raises(ParameterError, match="no notebook name starts with '07'.*00-a.ipynb"):
        run.run_all(params, notebooks_dir=nbs, only=["07"])


def test_only_accepts_a_parameter_file_for_the_whole_collection(tmp_path):
    nbs, params = _collection(tmp_path, "greeting: hi\nfarewell: bye\n")
    second = _notebook(nbs / "01-b.ipynb", "print(greeting)")
    nb = nbformat.read(second, as_version=4)
    nb.cells[1].source = 'farewell: str = "bye"'
    nbformat.write(nb, second)
    runs = run.run_all(params, notebooks_dir=nbs, only=["00"], out=tmp_path / "out",
                       progress=False, log=lambda *a, **k: None)
    assert [r.notebook.name for r in runs] == ["00-a.ipynb"]
    assert runs[0].parameters == {"greeting": "hi"}


def test_a_project_error_in_a_cell_is_reported_with_its_own_fix_once(tmp_path):
    raising = ("from newscorpus.base.errors import ParameterError, Problem\n"
               "raise ParameterError(Problem(\"parameter 'target'\", \"'x' is not a group\", "
               "\"use one of 'a', 'b'\"))")
    nb = _notebook(tmp_path / "02-bad.ipynb", raising)
    with pytest.raises(run.RunError) as info:
        _execute(nb, tmp_path / "out.ipynb", {}, tmp_path)
    message = str(info.value)
    assert "parameter 'target': 'x' is not a group. Fix: use one of 'a', 'b'" in message
    assert message.count("Fix:") == 1 and "02-bad.ipynb cell" in message


def test_a_value_of_the_wrong_type_is_refused_before_anything_runs(tmp_path):
    nbs, params = _collection(tmp_path, "greeting: 12\n")
    with pytest.raises(ParameterError, match=r"field 'greeting': greeting is 12, but 00-a.ipynb "
                                             r"expects a str. Fix: write a str value, like the "
                                             r"default \"hello\""):
        run.run_all(params, notebooks_dir=nbs)


def test_the_default_parameters_have_the_declared_types():
    from newscorpus.base.paths import project_root

    root = project_root()
    notebooks = run.find_notebooks(root / "notebooks")
    declared = {nb: run.notebook_parameters(nb) for nb in notebooks}
    assert run._type_problems(run.load_params(root / "params" / "default.yaml"), declared,
                              "params/default.yaml") == []


def test_a_run_refuses_outputs_inside_the_corpus_before_anything_runs(tmp_path):
    from newscorpus.corpus.synthetic import make_corpus

    corpus = make_corpus(tmp_path / "corpus", documents=2)
    (corpus / "notes.txt").write_text("a file of the user's, not listed")
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    _notebook(nbs / "00-a.ipynb", "print(greeting)")
    nb = nbformat.read(nbs / "00-a.ipynb", as_version=4)
    nb.cells[1].source = 'corpus_dir: str = "x"\nprocessed_dir: str = "y"'
    nbformat.write(nb, nbs / "00-a.ipynb")
    params = tmp_path / "p.yaml"
    params.write_text(f"processed_dir: {corpus / 'clean'}\n")
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    with pytest.raises(ParameterError, match="parameter 'processed_dir'.*inside the corpus"):
        run.run_all(params, notebooks_dir=nbs, corpus=corpus)
    params.write_text("{}\n")
    with pytest.raises(ParameterError, match="parameter '--out'.*inside the corpus"):
        run.run_all(params, notebooks_dir=nbs, corpus=corpus, out=corpus / "results")
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before


def test_a_second_run_on_the_same_output_is_refused_naming_the_first(tmp_path):
    from newscorpus.guards import OutputLock

    nbs, params = _collection(tmp_path, "greeting: hi\n")
    with OutputLock(tmp_path / "out"), pytest.raises(
            ParameterError, match=r"another run is writing to this folder \(process \d+"):
        run.run_all(params, notebooks_dir=nbs, out=tmp_path / "out", progress=False,
                    log=lambda *a, **k: None)
    runs = run.run_all(params, notebooks_dir=nbs, out=tmp_path / "out", progress=False,
                       log=lambda *a, **k: None)  # the first run has finished
    assert [r.output.name for r in runs] == ["00-a.ipynb"]


def test_a_bad_value_is_refused_before_anything_runs_naming_the_yaml_parameter(tmp_path):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    _notebook(nbs / "00-a.ipynb", "print(top_n)")
    nb = nbformat.read(nbs / "00-a.ipynb", as_version=4)
    nb.cells[1].source = "top_n: int = 12\nngram_range: list = [1, 2]"
    nbformat.write(nb, nbs / "00-a.ipynb")
    params = tmp_path / "p.yaml"
    params.write_text("top_n: 0\nngram_range: [3, 1]\n")
    with pytest.raises(ParameterError) as info:
        run.run_all(params, notebooks_dir=nbs, out=tmp_path / "out")
    message = str(info.value)
    assert "field 'top_n': expected at least 1" in message
    assert "field 'ngram_range': expected [shortest, longest]" in message
    assert not (tmp_path / "out" / "notebooks").exists()
