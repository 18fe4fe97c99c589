"""spaCy components of the PaperKG pipeline; importing this package registers their factories."""

from extractors.components import gazetteer, sections  # noqa: F401
from extractors.components import numbers  # noqa: F401
from extractors.components import acronyms, entities, models, ner, priors, proposed, roles  # noqa: F401
