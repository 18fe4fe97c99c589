"""Reported numbers on plain sentences (GUIDE.md "results"), in three steps, no spaCy:

scan.py   finds the numbers with their units and groups them (lists, ranges, changes, "N of M wins");
judge.py  decides whether a group is a reported outcome, its unit and kind, and the evidence;
tie.py    ties each number to the metric, dataset and subject (model or method) of its sentence.
reader.py runs the three over one sentence; cues.py compiles the cue words of data/numbers_cues.jsonl.
extractors/components/numbers.py wires the reader to the Doc.
"""
