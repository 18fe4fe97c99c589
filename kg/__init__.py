"""PaperKG: a knowledge graph of machine-learning research from paper abstracts."""

__version__ = "0.1.0"
