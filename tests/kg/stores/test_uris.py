"""Server URIs (kg.stores.uris): lenient about passwords, strict about everything else, and never
shown with their credentials."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from kg.core.errors import MalformedSetting
from kg.stores.uris import parse_uri, redact, scrub

SECRET = "Alpha7/Bravo8#Charlie9?Delta0@Echo1:Foxtrot2"
REDIS = ("redis", "rediss")


def test_a_password_may_hold_slash_hash_question_at_and_colon():
    uri = parse_uri(f"redis://user:{SECRET}@db.example.org:6380/0", "FALKORDB_URL", REDIS, 6379)
    assert (uri.scheme, uri.host, uri.port, uri.username, uri.password, uri.rest) == (
        "redis", "db.example.org", 6380, "user", SECRET, "/0")
    assert str(uri) == "redis://user:***@db.example.org:6380/0"
    assert SECRET not in uri.url() and "%2F" in uri.url()  # what the client gets: escaped


def test_percent_escapes_are_decoded_and_defaults_filled():
    uri = parse_uri("REDIS://:p%40ss@[::1]", "FALKORDB_URL", REDIS, 6379)
    assert (uri.scheme, uri.host, uri.port, uri.password, uri.address) == ("redis", "::1", 6379, "p@ss", "[::1]:6379")
    assert parse_uri("bolt://localhost", "NEO4J_URI", ("bolt",), 7687).url() == "bolt://localhost:7687"


@pytest.mark.parametrize("value, reason", [
    ("localhost:6379", "must start with redis:// or rediss://"),
    ("http://:{s}@localhost:6379", "has scheme http://"),
    ("redis://:{s}@localhost:abc", "has port 'abc', which is not a number"),
    ("redis://:{s}@localhost:0", "has port 0, outside 1-65535"),
    ("redis://:{s}@localhost:65536", "has port 65536, outside 1-65535"),
    ("redis://:{s}@localhost:６３７９", "has port '６３７９', which is not a number"),
    ("redis://:{s}@[::1:6379", "has an IPv6 address without its closing ']'"),
    ("redis://:{s}@[::g]:6379", "which is not an IPv6 address"),
    ("redis://:{s}@[::1]x:6379", "where only ':port' may follow"),
    ("redis://:{s}@::1:6379", "has an IPv6 address that is not in brackets"),
    ("redis://:{s}@:6379", "has no host"),
    ("redis://:{s}@bad host:6379", "which is not a host name or address"),
])
def test_malformed_uris_are_one_redacted_line(value, reason):
    with pytest.raises(MalformedSetting) as caught:
        parse_uri(value.format(s=SECRET), "FALKORDB_URL", REDIS, 6379)
    message = str(caught.value)
    assert message.startswith("error[KG008]: FALKORDB_URL ") and reason in message and "\n" not in message
    assert not any(part in message for part in ("Alpha7", "Bravo8", "Charlie9", "Delta0", "Echo1", "Foxtrot2"))


def test_redact_and_scrub_remove_every_form_of_a_secret():
    assert redact(f"bolt://neo4j:{SECRET}@127.0.0.1:1") == "bolt://***@127.0.0.1:1"
    assert redact("bolt://127.0.0.1:1") == "bolt://127.0.0.1:1"
    for form in (SECRET, quote(SECRET), quote(SECRET, safe="")):  # as written, as URL libraries escape it
        assert scrub(f"could not use redis://:{form}@h: refused", [SECRET]) == "could not use redis://:***@h: refused"
