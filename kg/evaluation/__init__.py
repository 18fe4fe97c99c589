"""`kg eval`: the extractor scored against the guide-annotated gold and SciER."""
