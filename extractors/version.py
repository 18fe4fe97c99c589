"""The pipeline's version: a digest of everything an extraction depends on besides the paper.

That is every file under extractors/ (code, config, rule and gazetteer data, NER weights), every
file of the shared core kg/core/ (records, name normalisation, schema), and the versions of
PaperKG, spaCy and thinc. The extraction cache keys its rows on it and a Dask worker whose version
differs from the client's is refused, so a change to any of these files is never served stale.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from functools import lru_cache
from pathlib import Path

from kg.core.digest import add_tree

PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # holds extractors/ and kg/
PIPELINE_TREES = ("extractors", "kg/core")  # hashed whole, whatever they hold
PIPELINE_PACKAGES = ("paperkg", "spacy", "thinc")


def _version_of(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:  # a checkout that is not installed
        return "uninstalled"


@lru_cache(maxsize=4)
def pipeline_version(root: Path = PACKAGE_ROOT) -> str:
    """The digest of the pipeline installed under `root`; computed once per process (a few MB)."""
    digest = hashlib.blake2b(digest_size=16)
    for package in PIPELINE_PACKAGES:
        digest.update(f"{package} {_version_of(package)}\0".encode())
    for tree in PIPELINE_TREES:
        add_tree(digest, root, tree)
    return digest.hexdigest()
