"""`kg eval`: the extractor scored against the guide-annotated gold and SciER.

sets.py (which sets, by name) -> run.py (pipeline over each set) -> gold.py / scier.py (scoring)
-> report.py (tables, JSON); scores.py holds the P/R/F1 and accuracy counts, split.py the fixed
arXiv train/dev split.
"""
