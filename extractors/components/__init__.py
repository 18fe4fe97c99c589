"""spaCy components of the PaperKG pipeline; importing this package registers their factories."""

from extractors.components import (  # noqa: F401  (imported for their @Language.factory registrations)
    acronyms,
    entities,
    gazetteer,
    list_items,
    lone_mentions,
    models,
    ner,
    numbers,
    priors,
    proposed,
    roles,
    sections,
    title_tasks,
)
