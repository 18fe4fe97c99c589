"""The rules of the text side as plain Python on strings (no spaCy): where the rule data lives, the
shared phrase helpers, acronym pairing and the model-name grammar. The spaCy components in
extractors/components/ wire them to the Doc; the reported-numbers rules are in extractors/results/."""
