"""Which sets `kg eval` scores, and that dev sets keep their errors hidden."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.core.errors import BadOption
from kg.evaluation.run import SCORERS
from kg.evaluation.sets import EVAL_SETS, chosen_sets


def test_by_default_every_set_but_train():
    assert [s.name for s in chosen_sets()] == ["seed-dev", "arxiv-dev", "scier-dev"]


def test_named_sets_then_files_once_each_in_order():
    sets = chosen_sets(["arxiv-train", "seed-dev", "arxiv-train"], [Path("a/mine.json")],
                       [Path("b/s.jsonl")])
    assert [(s.name, s.kind) for s in sets] == [("arxiv-train", "gold"), ("seed-dev", "gold"),
                                                ("gold:mine.json", "gold"), ("scier:s.jsonl", "scier")]
    assert sets[2].path() == Path("a/mine.json")


def test_files_alone_replace_the_defaults():
    assert [s.name for s in chosen_sets(gold_files=[Path("g.json")])] == ["gold:g.json"]


def test_an_unknown_set_is_a_usage_error():
    with pytest.raises(BadOption, match="no evaluation set arxiv-test"):
        chosen_sets(["arxiv-test"])


def test_only_train_and_named_files_list_their_errors():
    assert {name for name, s in EVAL_SETS.items() if not s.blind} == {"arxiv-train"}
    assert not chosen_sets(gold_files=[Path("g.json")])[0].blind


@pytest.mark.shared_data
def test_the_arxiv_sets_are_the_two_sides_of_the_fixed_split():
    from tests.conftest import shared_data_path

    shared_data_path("gold", "arxiv2025_gold.json")
    dev, train = (SCORERS["gold"].load(EVAL_SETS[name]) for name in ("arxiv-dev", "arxiv-train"))
    assert (len(dev), len(train)) == (100, 380)
    assert not {p["id"] for p in dev} & {p["id"] for p in train}
