"""The package builds without warnings: `make demo` once printed about 40 lines of setuptools
licence warnings (a TOML-table licence and a licence classifier) on every install."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

from tests.conftest import ROOT

PACKAGED = ("pyproject.toml", "README.md", "LICENSE", "kg", "extractors")


def test_the_wheel_builds_without_warnings(tmp_path):
    source = tmp_path / "source"  # a copy: the build writes build/ and *.egg-info beside the sources
    source.mkdir()
    for name in PACKAGED:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir",
                          str(tmp_path), str(source)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    output = run.stdout + run.stderr
    assert "Warning" not in output and "deprecated" not in output.lower(), output
    (wheel,) = tmp_path.glob("paperkg-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(archive.read(name).decode() for name in archive.namelist()
                        if name.endswith(".dist-info/METADATA"))
    assert "License-Expression: Apache-2.0" in metadata
