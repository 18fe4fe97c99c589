"""docker-compose.yml: what `docker compose up --wait` and Neo4j Browser need, no secret in it.
(No Docker engine runs here; the file is checked as data.)"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import yaml

from tests.conftest import ROOT

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
NEO4J = COMPOSE["services"]["neo4j"]


def test_pinned_neo4j_5_lts_image():
    assert re.fullmatch(r"neo4j:5\.26\.\d+(-community)?", NEO4J["image"])


def pom_properties(path) -> dict[str, str]:
    properties = ElementTree.parse(path).getroot().find("{http://maven.apache.org/POM/4.0.0}properties")
    assert properties is not None
    return {child.tag.split("}")[1]: child.text or "" for child in properties}


def test_the_test_server_is_the_image_release():
    """The tests' Neo4j (tools/neo4j-server), its APOC and cypher-shell are the image's 5.26 patch."""
    release = NEO4J["image"].split(":")[1].removesuffix("-community")
    server = pom_properties(ROOT / "tools" / "neo4j-server" / "pom.xml")
    shell = pom_properties(ROOT / "tools" / "neo4j-server" / "cypher-shell" / "pom.xml")
    assert server["neo4j.version"] == server["apoc.version"] == shell["neo4j.version"] == release


def test_ports_volumes_and_apoc():
    assert {"7474:7474", "7687:7687"} <= set(NEO4J["ports"])
    assert {volume.split(":")[1] for volume in NEO4J["volumes"]} >= {"/data", "/logs"}
    assert "apoc" in NEO4J["environment"]["NEO4J_PLUGINS"]


def test_healthcheck_uses_wget():
    check = NEO4J["healthcheck"]
    assert "wget" in " ".join(check["test"]) and "curl" not in " ".join(check["test"])
    assert check["retries"] * int(check["interval"].rstrip("s")) >= 60


def test_password_comes_from_the_env_file():
    assert NEO4J["environment"]["NEO4J_AUTH"].startswith("neo4j/${NEO4J_PASSWORD:?")
    example = dict(line.split("=", 1) for line in (ROOT / ".env.example").read_text().splitlines()
                   if line and not line.startswith("#"))
    assert example["NEO4J_PASSWORD"] == "" and {"NEO4J_URI", "NEO4J_USER", "FALKORDB_URL"} <= set(example)
    assert ".env" in (ROOT / ".gitignore").read_text().splitlines()
