"""The library's house: sub-packages by stage, small modules, no import cycles, layers kept.

The imports are read from the source (``ast``), lazy imports inside functions included, so a cycle
that only shows at run time on some path is caught here too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lib" / "newscorpus"

#: The stages in reading order; a stage may import ``base`` and the stages before it only.
STAGES = ("base", "corpus", "clean", "keywords", "sentiment", "motives", "publish", "scale")

#: A module longer than this is too long to read in one sitting.
MAX_LINES = 420


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """The newscorpus modules ``name`` imports, anywhere in its source."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # "from newscorpus.clean import segment" imports the module newscorpus.clean.segment
            targets = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES
                       else node.module for a in node.names]
        else:
            continue
        found.update(t for t in targets if t in MODULES)
    return found


def _graph() -> dict[str, set[str]]:
    """Import edges, with the package ``__init__`` each import runs (not one's own packages)."""
    graph: dict[str, set[str]] = {}
    for name in MODULES:
        own = {name.rsplit(".", k)[0] for k in range(1, name.count(".") + 1)}
        edges = set()
        for target in _imports(name):
            edges.add(target)
            parts = target.split(".")
            edges.update(".".join(parts[:k]) for k in range(2, len(parts)))
        graph[name] = edges - own - {name, "newscorpus"}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a list of modules, or [] (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_the_cycle_finder_finds_a_cycle_it_is_given():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_no_module_imports_itself_round_a_cycle():
    cycle = _cycle(_graph())
    assert not cycle, "import cycle: " + " -> ".join(cycle)


def _stage(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


@pytest.mark.parametrize("name", sorted(n for n in MODULES if _stage(n)))
def test_a_stage_imports_only_base_and_the_stages_before_it(name):
    mine = STAGES.index(_stage(name))
    later = sorted(t for t in _imports(name)
                   if (_stage(t) and STAGES.index(_stage(t)) > mine)
                   or (t.count(".") >= 1 and not _stage(t)))  # run, cli, guards: the top
    assert not later, f"{name} imports {later}: move the shared part down"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_module_is_short_enough_to_read_in_one_sitting(name):
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines; split it by what its parts do"


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_says_in_one_docstring_what_it_offers(stage):
    init = PACKAGE / stage / "__init__.py"
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert doc, f"{init} has no docstring"
    modules = sorted(p.stem for p in (PACKAGE / stage).glob("*.py") if p.stem != "__init__")
    missing = [m for m in modules if f"``{m}``" not in doc]
    assert not missing, f"the docstring of newscorpus.{stage} does not name {missing}"


def test_the_stages_are_the_packages_of_the_library():
    packages = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))
    assert packages == sorted(STAGES)
