"""The shared core of PaperKG: typed records, coded errors, name normalisation and the schema
(with the Literal vocabularies), plus the batching, JSONL and file-digest helpers both halves use.

Both halves import it: the text side (extractors/) and the graph side (the rest of kg/). It imports
nothing of either half, nor spaCy, so that dependencies point one way (tests/test_layering.py
checks the imports). Every file here is part of the pipeline version (extractors/version.py).
"""
