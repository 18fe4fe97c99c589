"""The shared core of PaperKG: typed records, coded errors, name normalisation and the graph schema.

Both halves import it: the text side (extractors/) and the graph side (the rest of kg/). It imports
nothing of either half, nor spaCy, so that dependencies point one way (a test checks the imports).
"""
