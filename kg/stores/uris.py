"""Server URIs from the environment (NEO4J_URI, FALKORDB_URL): parsed, checked, and only ever shown
redacted.

A password is taken as written between the scheme and the host, so it may hold `/ # ? @ :` without
percent-escaping (the authority ends at the LAST `@`); percent-escapes such as `%40` are decoded,
as in any URL. What is wrong with a URI (scheme, host, port, IPv6 brackets) is one `MalformedSetting`
(KG008) that shows the URI with its credentials replaced by `***`. Messages from drivers pass
through `scrub`, which removes every form of the secrets they might quote.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import quote, unquote

from kg.core.errors import MalformedSetting

REDACTED = "***"
_HOST_NAME = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


@dataclass(frozen=True)
class ServerURI:
    """A parsed server URI; `str()` of it is the redacted form, safe to print."""

    scheme: str
    host: str
    port: int
    username: str | None = None
    password: str | None = None
    rest: str = ""  # path, query and fragment, as written

    @property
    def address(self) -> str:
        """host:port, for messages."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    def url(self, scheme: str | None = None, credentials: bool = True) -> str:
        """The URI rebuilt with its credentials percent-escaped (or left out): what a driver gets."""
        userinfo = ""
        if credentials and (self.username or self.password):
            userinfo = quote(self.username or "", safe="")
            if self.password is not None:
                userinfo += ":" + quote(self.password, safe="")
            userinfo += "@"
        return f"{scheme or self.scheme}://{userinfo}{self.address}{self.rest}"

    def __str__(self) -> str:
        userinfo = f"{self.username or ''}:{REDACTED}@" if self.password else (
            f"{self.username}@" if self.username else "")
        return f"{self.scheme}://{userinfo}{self.address}{self.rest}"

    def scrub(self, text: str) -> str:
        return scrub(text, [self.password or "", self.url()])


def redact(value: str) -> str:
    """`value` with whatever stands between its scheme and its last `@` replaced by `***`
    (over-redacting a URI that has no credentials is harmless; leaking one that has is not)."""
    match = _SCHEME.match(value)
    start = match.end() if match else 0
    at = value.rfind("@", start)
    return value if at < 0 else value[:start] + REDACTED + value[at:]


def scrub(text: str, secrets: Iterable[str]) -> str:
    """`text` without any of `secrets`, raw or percent-escaped (for messages quoted from drivers)."""
    for secret in secrets:
        if len(secret) < 3:
            continue
        for form in {secret, quote(secret, safe=""), quote(secret)}:
            text = text.replace(form, REDACTED)
    return text


def parse_uri(value: str, variable: str, schemes: tuple[str, ...], default_port: int) -> ServerURI:
    """Parse `value` (the content of environment `variable`); MalformedSetting says what is wrong."""

    def malformed(reason: str) -> MalformedSetting:
        return MalformedSetting(f"{variable} {reason} (it is {redact(value)!r})")

    text = value.strip()
    match = _SCHEME.match(text)
    if match is None:
        raise malformed(f"must start with {' or '.join(s + '://' for s in schemes)}")
    scheme = match.group(1).lower()
    if scheme not in schemes:
        raise malformed(f"has scheme {scheme}://, not {' or '.join(s + '://' for s in schemes)}")
    userinfo, at, hostpart = text[match.end():].rpartition("@")
    authority_end = next((i for i, char in enumerate(hostpart) if char in "/?#"), len(hostpart))
    authority, rest = hostpart[:authority_end], hostpart[authority_end:]
    host, port_text = _split_authority(authority, malformed)
    port = _port(port_text, default_port, malformed)
    username = password = None
    if at:
        name, colon, secret = userinfo.partition(":")
        username = unquote(name) or None
        password = unquote(secret) if colon else None
    return ServerURI(scheme, host, port, username, password, rest)


def _split_authority(authority: str, malformed: Callable[[str], MalformedSetting]) -> tuple[str, str | None]:
    if authority.startswith("["):
        close = authority.find("]")
        if close < 0:
            raise malformed("has an IPv6 address without its closing ']'")
        host, after = authority[1:close], authority[close + 1:]
        try:
            ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError:
            raise malformed(f"has {host!r} in brackets, which is not an IPv6 address") from None
        if after and not after.startswith(":"):
            raise malformed(f"has {after!r} after the IPv6 address, where only ':port' may follow")
        return host, after[1:] if after else None
    if authority.count(":") > 1:
        raise malformed("has an IPv6 address that is not in brackets (write [::1]:7687)")
    host, colon, port_text = authority.partition(":")
    if not host:
        raise malformed("has no host")
    if not _HOST_NAME.match(host):
        raise malformed(f"has {host!r} as its host, which is not a host name or address")
    return host, port_text if colon else None


def _port(text: str | None, default: int, malformed: Callable[[str], MalformedSetting]) -> int:
    if text is None or text == "":
        return default
    if not text.isascii() or not text.isdigit():
        raise malformed(f"has port {text!r}, which is not a number")
    port = int(text)
    if not 1 <= port <= 65535:
        raise malformed(f"has port {port}, outside 1-65535")
    return port
