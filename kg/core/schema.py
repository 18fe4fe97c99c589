"""The schema of DESIGN.md as data: the closed vocabularies of the records (entity types, roles,
fields, sources, result kinds, units) as Literal types, the graph's labels and relationship types,
the role table and stable ids.

Every tuple of names (labels, CLI choices, orderings) is derived from a Literal here, so a value is
written once; decoding a record checks its fields against the same Literals (kg.core.records).
"""

from __future__ import annotations

from typing import Literal, get_args

from kg.core.names import slug

EntityType = Literal["Method", "Dataset", "Task", "Metric", "Model"]
Role = Literal["proposes", "evaluates_on", "uses", "compares", "mentions"]  # strongest first
Field = Literal["title", "abstract"]  # the paper text a mention or result is found in
Source = Literal["ner", "gazetteer", "acronym", "pattern"]  # the extractor that found a mention
ResultKind = Literal["absolute", "improvement", "reduction", "other"]  # scores before changes
Unit = Literal["%", "x", "points"]  # a result without a unit has None

ENTITY_LABELS: tuple[EntityType, ...] = get_args(EntityType)
ROLES: tuple[Role, ...] = get_args(Role)
RESULT_KINDS: tuple[ResultKind, ...] = get_args(ResultKind)
NODE_LABELS: tuple[str, ...] = ("Paper", "Author", *ENTITY_LABELS, "ModelFamily", "Result")
REL_TYPES: tuple[str, ...] = (
    "PROPOSES", "USES", "EVALUATES_ON", "ADDRESSES", "USES_METRIC", "COMPARES_WITH", "MENTIONS",
    "IN_FAMILY", "AUTHORED", "REPORTS", "ON_DATASET", "OF", "MEASURED_BY",
)

# (source label, type, target label) of every relationship DESIGN.md allows.
SCHEMA_RELATIONSHIPS: tuple[tuple[str, str, str], ...] = (
    *(("Paper", "PROPOSES", label) for label in ENTITY_LABELS),
    ("Paper", "USES", "Method"), ("Paper", "USES", "Model"),
    ("Paper", "EVALUATES_ON", "Dataset"), ("Paper", "ADDRESSES", "Task"),
    ("Paper", "USES_METRIC", "Metric"),
    ("Paper", "COMPARES_WITH", "Method"), ("Paper", "COMPARES_WITH", "Model"),
    *(("Paper", "MENTIONS", label) for label in ENTITY_LABELS),
    ("Model", "IN_FAMILY", "ModelFamily"), ("Author", "AUTHORED", "Paper"),
    ("Paper", "REPORTS", "Result"), ("Result", "ON_DATASET", "Dataset"),
    ("Result", "OF", "Method"), ("Result", "OF", "Model"), ("Result", "MEASURED_BY", "Metric"),
)

# Paper -> entity relationship type, by role and entity label (DESIGN.md table).
_ROLE_TABLE: dict[str, dict[str, str]] = {
    "proposes": {"Method": "PROPOSES", "Model": "PROPOSES", "Dataset": "PROPOSES",
                 "Task": "PROPOSES", "Metric": "PROPOSES"},
    "uses": {"Method": "USES", "Model": "USES", "Dataset": "EVALUATES_ON",
             "Task": "ADDRESSES", "Metric": "USES_METRIC"},
    "compares": {"Method": "COMPARES_WITH", "Model": "COMPARES_WITH", "Dataset": "EVALUATES_ON",
                 "Task": "ADDRESSES", "Metric": "USES_METRIC"},
    "mentions": dict.fromkeys(ENTITY_LABELS, "MENTIONS"),
}
_ROLE_TABLE["evaluates_on"] = _ROLE_TABLE["uses"]

ROLE_STRENGTH: dict[str, int] = {role: len(ROLES) - rank for rank, role in enumerate(ROLES)}


def relationship_for(role: str, label: str) -> str:
    """The Paper -> entity relationship type for a mention's role and the entity's label."""
    return _ROLE_TABLE.get(role, _ROLE_TABLE["mentions"])[label]


def node_id(label: str, name: str) -> str:
    """Stable id of a node: `dataset:gsm8k`, `model:llama-3.1-8b-instruct`, `modelfamily:llama`."""
    return f"{label.lower()}:{slug(name)}"
