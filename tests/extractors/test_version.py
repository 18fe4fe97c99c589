"""The pipeline version follows every file an extraction depends on (extractors/ and the shared core
kg/core/) and nothing else, so the cache never serves an extraction made by other rules."""

import shutil

import pytest

from extractors.version import PACKAGE_ROOT, pipeline_version


@pytest.fixture
def package_copy(tmp_path_factory):
    """A fresh copy of the package tree (extractors/ and kg/) per call; versions are memoised per
    root, so each variant gets its own copy."""

    def copy():
        root = tmp_path_factory.mktemp("package")
        for tree in ("extractors", "kg"):
            shutil.copytree(PACKAGE_ROOT / tree, root / tree,
                            ignore=shutil.ignore_patterns("__pycache__"))
        return root

    return copy


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_unchanged_copy_has_the_installed_version(package_copy):
    assert pipeline_version(package_copy()) == pipeline_version()


def test_a_changed_core_function_changes_the_version(package_copy):
    """The stale-cache case: `name_key` changed, every cached extraction made with the old rule
    must be extracted again."""
    root = package_copy()
    _edit(root / "kg/core/names.py", '.replace("&", "and")', '.replace("&", "+")')
    assert pipeline_version(root) != pipeline_version()


def test_changed_extractor_config_and_data_change_the_version(package_copy):
    tuned = package_copy()
    (tuned / "extractors/config.cfg").write_text(
        (tuned / "extractors/config.cfg").read_text() + "\n# tuned\n")
    assert pipeline_version(tuned) != pipeline_version()
    data = package_copy()
    data_file = next(path for path in sorted((data / "extractors").rglob("*.jsonl")))
    data_file.write_bytes(data_file.read_bytes() + b"\n")
    assert pipeline_version(data) != pipeline_version()


def test_graph_side_files_do_not_change_the_version(package_copy):
    root = package_copy()
    for module in ("graph.py", "resolve.py", "cli.py"):
        (root / "kg" / module).write_text((root / "kg" / module).read_text() + "\n# changed\n")
    assert pipeline_version(root) == pipeline_version()
