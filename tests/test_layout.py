"""The floor plan (docs/decisions/0008-layout.md): imports go one way, shared base ← apps ←
assembler, and no two modules import each other, directly or round a longer loop."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = "core"
APPS = ("services", "articles", "questions", "opendata", "materials", "selftests", "films")
ASSEMBLER = "dinutvei"
PACKAGES = (BASE, *APPS, ASSEMBLER)


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def first_party_imports(path):
    """Every project module this file imports, at the top or inside a function."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module
            names = [source] + [f"{source}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(name for name in names if name.split(".")[0] in PACKAGES)
    return found


def modules():
    graph = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            graph[module_name(path)] = first_party_imports(path)
    # Keep only names that are modules ("from x import name" also names functions).
    return {
        module: {name for name in imports if name in graph and name != module}
        for module, imports in graph.items()
    }


GRAPH = modules()


def test_the_shared_base_imports_no_app_and_not_the_assembler():
    wrong = {
        module: sorted(name for name in imports if name.split(".")[0] != BASE)
        for module, imports in GRAPH.items()
        if module.split(".")[0] == BASE
    }
    assert {module: names for module, names in wrong.items() if names} == {}


def test_no_app_imports_the_assembler():
    wrong = {
        module: sorted(name for name in imports if name.split(".")[0] == ASSEMBLER)
        for module, imports in GRAPH.items()
        if module.split(".")[0] in APPS
    }
    assert {module: names for module, names in wrong.items() if names} == {}


def test_no_import_cycles():
    cycles, state = [], {}

    def visit(module, trail):
        state[module] = "open"
        for name in sorted(GRAPH[module]):
            if state.get(name) == "open":
                cycles.append(trail[trail.index(name) :] + [name])
            elif name not in state:
                visit(name, trail + [name])
        state[module] = "done"

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_walk_sees_the_imports():
    """The checks above would pass on an empty graph: make sure they look at real edges."""
    assert "core.models" in GRAPH["questions.models"]
    assert "articles.selectors" in GRAPH["dinutvei.views"]
