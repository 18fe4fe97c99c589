"""The saved queries of cypher/queries/, read the way Neo4j Browser and cypher-shell run them.

Each file is a header of `//` comment lines (what the query answers, then its parameters as
Browser commands `// :param name => expression`) and one statement. Browser evaluates the
expression after `=>` on the server (`RETURN expression`); `parameter_values` does the same through
a store, so a header is checked by the database's own parser, not by a Python reading of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.core.errors import BadDataFile
from kg.stores.base import Row

# cypher/queries, shipped inside the package through the link kg/saved_queries (a wheel holds files)
QUERIES_DIR = Path(__file__).resolve().parent.parent / "saved_queries"
_PARAM_COMMAND = re.compile(r"^//\s*:param\b")
_PARAM_LINE = re.compile(r"^//\s*:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(\S.*?)\s*;?\s*$")
_PARAMETER_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRING_LITERAL = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


def declared_parameters(text: str, origin: str = "<text>") -> dict[str, str]:
    """name -> Cypher expression of every `// :param name => expression` header line, in order;
    a `:param` line of another shape is a `BadDataFile` error naming the line."""
    parameters: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not _PARAM_COMMAND.match(line):
            continue
        match = _PARAM_LINE.match(line)
        if not match:
            raise BadDataFile(f"{origin}:{number}: not a `// :param name => expression` line: {line}")
        parameters[match[1]] = match[2]
    return parameters


@dataclass(frozen=True)
class SavedQuery:
    name: str
    description: str
    parameters: dict[str, str]
    statement: str

    @classmethod
    def read(cls, path: Path) -> SavedQuery:
        text = Path(path).read_text(encoding="utf-8")
        lines = text.splitlines()
        header_length = next((i for i, line in enumerate(lines) if not line.startswith("//")), len(lines))
        description = " ".join(line[2:].strip() for line in lines[:header_length]
                               if not _PARAM_COMMAND.match(line.strip())
                               and not line[2:].strip().lower().startswith("parameters"))
        statement = "\n".join(lines[header_length:]).strip().removesuffix(";").strip()
        return cls(Path(path).stem, description, declared_parameters(text, str(path)), statement)

    def used_parameters(self) -> list[str]:
        """The `$name`s of the statement (outside string literals), in order of first use."""
        return list(dict.fromkeys(_PARAMETER_USE.findall(_STRING_LITERAL.sub("''", self.statement))))

    def parameter_statement(self) -> str | None:
        """One `RETURN expression AS name, ...`: what Browser runs for the `:param` lines."""
        if not self.parameters:
            return None
        return "RETURN " + ", ".join(f"{expression} AS `{name}`"
                                     for name, expression in self.parameters.items())


def saved_queries(directory: Path = QUERIES_DIR) -> list[SavedQuery]:
    return [SavedQuery.read(path) for path in sorted(Path(directory).glob("*.cypher"))]


def parameter_values(query: SavedQuery, run: Callable[[str], list[Row]]) -> dict[str, Any]:
    """The header's parameters evaluated by a server; `run(statement)` returns its records."""
    statement = query.parameter_statement()
    return dict(run(statement)[0]) if statement else {}
