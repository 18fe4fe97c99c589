"""Dependencies point one way (DESIGN.md, issue 11): the core kg/core imports nothing else of the
project nor spaCy; the text side extractors/ imports only the core (and spaCy); the graph side
(the rest of kg/) never imports extractors/, except the app layer, which alone joins the halves;
and no module imports itself back through others. Imports are read from the source with `ast`,
function-local ones included (`if TYPE_CHECKING:` blocks are not run, so they are left out)."""

from __future__ import annotations

import ast
import shutil
import textwrap
from pathlib import Path
from typing import TypeGuard

from tests.conftest import ROOT

PACKAGES = ("kg", "extractors")
CORE = "kg.core"
TEXT_SIDE = "extractors"
# The app layer: the only graph-side modules that may import extractors/.
APP_LAYER = ("kg.cli", "kg.build", "kg.engines", "kg.evaluation")
NOT_IN_CORE = ("spacy", "thinc")  # the core must load without the NLP stack


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def module_names(root: Path) -> dict[str, Path]:
    """Dotted module name -> source file, for every module of PACKAGES under `root`."""
    modules = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _is_type_checking(node: ast.AST) -> TypeGuard[ast.If]:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _import_nodes(tree: ast.AST):
    """Every Import/ImportFrom node, at any depth, outside `if TYPE_CHECKING:` bodies."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        for child in ast.iter_child_nodes(node):
            if _is_type_checking(child):
                stack.extend(child.orelse)
            else:
                stack.append(child)


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules `module` imports: project modules by name (`from pkg import sub` names the
    submodule), other packages by their top-level name."""
    found: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:  # relative: from the package, `level - 1` packages up
            anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
            base = ".".join([*anchor, base] if base else anchor)
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            found.add(submodule if submodule in modules else base)
    return {name if name.split(".")[0] in PACKAGES else name.split(".")[0] for name in found}


def import_graph(root: Path) -> dict[str, set[str]]:
    modules = module_names(root)
    return {module: imports_of(module, path, modules) for module, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (or a module importing itself),
    by Tarjan's algorithm."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph[node]:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def layering_violations(root: Path) -> list[str]:
    """Every import against the layering rules in the tree at `root`, one line each."""
    graph = import_graph(root)
    problems = []
    for module, targets in sorted(graph.items()):
        for target in sorted(targets):
            if _within(module, CORE):
                if (_within(target, "kg") and not _within(target, CORE)) \
                        or _within(target, TEXT_SIDE) or target in NOT_IN_CORE:
                    problems.append(f"{module} (core) imports {target}")
            elif _within(module, TEXT_SIDE):
                if _within(target, "kg") and not _within(target, CORE):
                    problems.append(f"{module} (text side) imports {target}")
            elif _within(target, TEXT_SIDE) and not any(_within(module, app) for app in APP_LAYER):
                problems.append(f"{module} (graph side) imports {target}")
    problems += [f"import cycle: {' -> '.join(cycle)}" for cycle in _cycles(graph)]
    return problems


def test_the_project_follows_the_layering():
    assert layering_violations(ROOT) == []


def test_the_scanner_sees_the_project_as_it_is():
    graph = import_graph(ROOT)
    assert "kg.core.names" in graph["extractors.rules.phrases"]
    assert "extractors.pipeline" in graph["kg.engines.worker"]  # a function-local import
    assert "kg.readers.arxiv" in graph["kg.readers.schemas"]  # `from kg.readers import arxiv`
    assert "spacy" in graph["extractors.pipeline"]


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def test_each_rule_fails_on_a_tiny_package(tmp_path):
    root = _write(tmp_path, {
        "kg/__init__.py": "",
        "kg/core/__init__.py": "",
        "kg/core/names.py": "import spacy\nfrom kg import stats\n",
        "kg/stats.py": "",
        "kg/graph.py": "def f():\n    from extractors.pipeline import annotate\n",
        "kg/build.py": "from extractors import pipeline\nfrom kg.core import names\n",
        "kg/a.py": "from kg.b import x\n",
        "kg/b.py": "def g():\n    from . import a\n",
        "kg/typed.py": ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                        "    from extractors.pipeline import annotate\n"),
        "extractors/__init__.py": "",
        "extractors/pipeline.py": "from kg.core.names import name_key\nfrom kg.resolve import key\n",
    })
    assert layering_violations(root) == [
        "extractors.pipeline (text side) imports kg.resolve",
        "kg.core.names (core) imports kg.stats",
        "kg.core.names (core) imports spacy",
        "kg.graph (graph side) imports extractors.pipeline",
        "import cycle: kg.a -> kg.b",
    ]


def test_a_bad_import_in_a_copy_of_the_project_fails(tmp_path):
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__", "ner_model", "data"))
    pipeline = tmp_path / "extractors" / "pipeline.py"
    pipeline.write_text(pipeline.read_text() + "\n\ndef _graph():\n    from kg.graph import assemble\n")
    engines = tmp_path / "kg" / "engines" / "dask.py"
    engines.write_text(engines.read_text() + "\n\ndef _back():\n    from kg.engines import ENGINES\n")
    assert layering_violations(tmp_path) == [
        "extractors.pipeline (text side) imports kg.graph",
        "import cycle: kg.engines -> kg.engines.dask",
    ]
