"""What an executed notebook keeps when it is stored: results, not the accidents of one run.

After papermill has run a notebook, :func:`store_form` turns it into the form the collection
stores, identical from run to run and on any machine:

* papermill's metadata, cell timings and the Python patch version are removed;
* consecutive stream outputs of a cell are merged (a kernel under load may flush one loop of
  ``print`` calls in two pieces), and progress bars, shown while a long step runs, are dropped;
* papermill's ``injected-parameters`` cell is removed and the values a run used are written
  into the ``parameters`` cell itself, where they differ from its defaults (each changed line
  keeps its type and comment and says ``# set by the run``), so a reader who opens the stored
  notebook in JupyterLab and edits the parameters cell changes what runs.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping

import nbformat

__all__ = ["INJECTED", "PARAMETERS", "merge_streams", "parameter_values", "set_parameters",
           "store_form", "strip_volatile"]

PARAMETERS, INJECTED = "parameters", "injected-parameters"
_SET = "  # set by the run"


def strip_volatile(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove what changes from run to run without changing results; return ``nb``.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(metadata={"papermill": {"duration": 1.5}})
    >>> nb.cells.append(nbformat.v4.new_code_cell("x = 1", metadata={
    ...     "papermill": {"duration": 0.1}, "execution": {"iopub.status.busy": "2026"}}))
    >>> nb = strip_volatile(nb)
    >>> dict(nb.metadata), dict(nb.cells[0].metadata)
    ({}, {})
    """
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    nb.metadata.get("language_info", {}).pop("version", None)
    for cell in nb.cells:
        for key in ("papermill", "execution", "collapsed"):
            cell.metadata.pop(key, None)
    return nb


_PROGRESS = re.compile(r"^[^\n]*\d+%\|[^\n]*\| *[\d.]+[kMG]?/[\d.]+[kMG]? \[[^\n]*$")


def _progress_only(text: str) -> bool:
    """Whether a stream's text is only tqdm progress bars."""
    lines = [line for line in re.split(r"[\r\n]+", text) if line.strip()]
    return bool(lines) and all(_PROGRESS.match(line) for line in lines)


def merge_streams(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Merge consecutive stream outputs of the same stream in every cell; return ``nb``.

    Progress bars on standard error (tqdm's) are dropped: they show time, which changes
    from run to run, and nothing of the result.

    Examples
    --------
    >>> cell = nbformat.v4.new_code_cell("", outputs=[
    ...     nbformat.v4.new_output("stream", name="stdout", text="a\\n"),
    ...     nbformat.v4.new_output("stream", name="stdout", text="b\\n")])
    >>> nb = merge_streams(nbformat.v4.new_notebook(cells=[cell]))
    >>> [o.text for o in nb.cells[0].outputs]
    ['a\\nb\\n']
    >>> _progress_only("\\rscores:  40%|####      | 8000/20000 [00:02<00:03, 3.9kit/s]")
    True
    """
    for cell in nb.cells:
        merged: list = []
        for out in cell.get("outputs", []):
            if out.output_type == "stream" and out.name == "stderr" and _progress_only(out.text):
                continue
            last = merged[-1] if merged else None
            if (out.output_type == "stream" and last is not None
                    and last.output_type == "stream" and last.name == out.name):
                last.text += out.text
            else:
                merged.append(out)
        if "outputs" in cell:
            cell.outputs = merged
    return nb


def _assignments(source: str) -> dict[str, ast.stmt]:
    found = {}
    for node in ast.parse(source).body:
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name) and getattr(node, "value", None) is not None:
            found[target.id] = node
    return found


def parameter_values(source: str) -> dict[str, object]:
    """Return the values a parameters cell assigns, by name, in order.

    Examples
    --------
    >>> parameter_values('top_n: int = 12  # terms\\nperiods: dict = {"a": ["2015", "2016"]}')
    {'top_n': 12, 'periods': {'a': ['2015', '2016']}}
    """
    values: dict[str, object] = {}
    for name, node in _assignments(source).items():
        try:
            values[name] = ast.literal_eval(node.value)
        except ValueError:
            values[name] = ast.unparse(node.value)
    return values


def set_parameters(source: str, values: Mapping[str, object]) -> str:
    """Return a parameters cell's source with ``values`` written in where they differ.

    A changed line keeps its name, its type annotation and its comment, and ends with
    ``# set by the run``; lines whose value is unchanged stay exactly as they were. Values are
    written with :func:`repr`, which reads back as the same Python literal.

    Examples
    --------
    >>> cell = 'top_n: int = 12  # terms shown\\nseed: int = 0  # random seed'
    >>> print(set_parameters(cell, {"top_n": 20, "seed": 0}))
    top_n: int = 20  # terms shown  # set by the run
    seed: int = 0  # random seed
    """
    lines = source.split("\n")
    nodes = _assignments(source)
    current = parameter_values(source)
    for name, value in sorted(values.items(), key=lambda kv: -getattr(nodes.get(kv[0]),
                                                                     "lineno", 0)):
        node = nodes.get(name)
        if node is None or current.get(name) == value:
            continue
        first, last = node.lineno - 1, node.end_lineno - 1
        head = lines[first][:node.value.col_offset]
        tail = lines[last][node.value.end_col_offset:] if first == last else ""
        lines[first:last + 1] = [f"{head}{value!r}{tail}{'' if _SET in tail else _SET}"]
    return "\n".join(lines)


def store_form(nb: nbformat.NotebookNode, used: Mapping[str, object]) -> nbformat.NotebookNode:
    """Return ``nb`` as the collection stores it (see the module docstring).

    ``used`` holds the parameters the run passed to the notebook.
    """
    nb = merge_streams(strip_volatile(nb))
    cells = []
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if INJECTED in tags:
            continue
        if PARAMETERS in tags:
            cell.source = set_parameters(cell.source, used)
        cells.append(cell)
    count = 0  # execution counts 1, 2, 3, ... again, as a reader running the cells gets them
    for cell in cells:
        if cell.cell_type == "code" and cell.get("execution_count") is not None:
            count += 1
            cell.execution_count = count
            for out in cell.outputs:
                if "execution_count" in out:
                    out.execution_count = count
    nb.cells = cells
    return nb
