"""The browser libraries the report ships are the pinned npm releases, with their licences."""

from __future__ import annotations

import json

import pytest

from kg.report.site import PACKAGE
from tests.conftest import ROOT, unavailable

ASSETS = ROOT / "tools" / "report-assets"
VENDOR = PACKAGE.joinpath("static", "vendor")
VERSIONS = json.loads(VENDOR.joinpath("VERSIONS.json").read_text())
LOCK = json.loads((ASSETS / "package-lock.json").read_text())


@pytest.mark.parametrize("name", sorted(VERSIONS))
def test_vendored_versions_are_the_pinned_ones(name):
    pinned = LOCK["packages"][f"node_modules/{name}"]["version"]
    assert VERSIONS[name]["version"] == pinned
    assert json.loads((ASSETS / "package.json").read_text())["dependencies"][name] == pinned
    script, licence = VERSIONS[name]["files"]  # vendored name -> file in the npm package
    assert VENDOR.joinpath(licence).read_text().startswith(("MIT", "The MIT License", "Copyright"))
    assert VERSIONS[name]["license"] == "MIT"
    assert f"{pinned}" in VENDOR.joinpath(script).read_text()


@pytest.mark.parametrize("name", sorted(VERSIONS))
def test_vendored_files_are_byte_identical_to_the_release(name):
    installed = ASSETS / "node_modules" / name
    if not installed.is_dir():
        unavailable("the report assets", f"{installed} is missing (make test runs npm ci --prefix {ASSETS})")
    for vendored, source in VERSIONS[name]["files"].items():
        assert VENDOR.joinpath(vendored).read_bytes() == (installed / source).read_bytes()
