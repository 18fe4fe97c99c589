"""spaCy components of the PaperKG pipeline; importing this package registers their factories."""

from extractors.components import gazetteer, sections  # noqa: F401
