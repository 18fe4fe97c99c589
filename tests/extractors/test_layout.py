"""The rule algorithms stay plain Python: nothing under extractors/rules/ or extractors/results/
imports spaCy or thinc (the components in extractors/components/ wire them to the Doc)."""

from __future__ import annotations

import ast
from pathlib import Path

import extractors

PURE_PACKAGES = ("rules", "results")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    found |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    return found


def test_the_rule_packages_do_not_import_spacy():
    root = Path(extractors.__file__).parent
    modules = [path for package in PURE_PACKAGES for path in sorted((root / package).glob("*.py"))]
    assert len(modules) >= 10
    offenders = {str(path.relative_to(root)): sorted(name for name in imported_modules(path)
                                                     if name.split(".")[0] in ("spacy", "thinc"))
                 for path in modules}
    assert {path: names for path, names in offenders.items() if names} == {}
