"""Tying numbers to the metric, dataset and subject of their sentence, on plain strings."""

from __future__ import annotations

import pytest

from extractors.results.scan import NumberScanner
from extractors.results.tie import Tie, Tying, respectively_end
from extractors.results.types import Entity, PaperContext


@pytest.fixture(scope="module")
def scanner(cues) -> NumberScanner:
    return NumberScanner(cues)


@pytest.fixture(scope="module")
def tying(cues) -> Tying:
    return Tying(cues)


def entities(text: str, *named: tuple[str, str, str]) -> list[Entity]:
    """Entities at the first occurrence of each (surface, label, canonical)."""
    return [Entity(text.index(surface), text.index(surface) + len(surface), label, canonical)
            for surface, label, canonical in named]


def ties(scanner, tying, text: str, found: list[Entity], proposed=()) -> list[list[Tie]]:
    """The ties of every group with a unit, as the reader would ask for them."""
    groups, numbers = scanner.scan(text)
    sentence = tying.read(text, found, PaperContext(tuple(proposed)), numbers)
    return [sentence.tie(group) for group in groups if group.unit]


def test_metric_dataset_and_subject_not_the_baseline(scanner, tying):
    text = "On GSM8K, Llama-3-8B reaches 85.3% accuracy, outperforming GPT-3.5 by 4.1%."
    found = entities(text, ("GSM8K", "Dataset", "GSM8K"), ("Llama-3-8B", "Model", "Llama-3-8B"),
                     ("accuracy", "Metric", "Accuracy"), ("GPT-3.5", "Model", "GPT-3.5"))
    assert ties(scanner, tying, text, found) == [[Tie("Accuracy", "GSM8K", "Llama-3-8B")],
                                                 [Tie(None, "GSM8K", "Llama-3-8B")]]


def test_respectively_pairs_in_order(scanner, tying):
    # seed s051 and s059
    text = ("Our analysis reveals that ChatGPT and Llama 2-Chat exhibit hallucinations in 60% and 75% of "
            "their outputs, respectively.")
    found = entities(text, ("ChatGPT", "Model", "ChatGPT"), ("Llama 2-Chat", "Model", "Llama-2-Chat"))
    assert ties(scanner, tying, text, found) == [[Tie(None, None, "ChatGPT"), Tie(None, None, "Llama-2-Chat")]]
    text = ("Our method achieves competitive results on the HotpotQA and WebShop and datasets, requiring "
            "75% and 50% less data, respectively.")
    found = entities(text, ("HotpotQA", "Dataset", "HotpotQA"), ("WebShop", "Dataset", "WebShop"))
    assert [[t.dataset for t in group] for group in ties(scanner, tying, text, found)] == [["HotpotQA", "WebShop"]]


def test_each_number_goes_to_the_dataset_it_is_on(scanner, tying):
    # arXiv 2507.12359
    text = "Our method achieves 91.40% on CIFAR-10, 68.56% on CIFAR-100, and 78.65% on ImageNet-100."
    found = entities(text, ("CIFAR-10", "Dataset", "CIFAR-10"), ("CIFAR-100", "Dataset", "CIFAR-100"),
                     ("ImageNet-100", "Dataset", "ImageNet-100"))
    assert [[t.dataset for t in group] for group in ties(scanner, tying, text, found)] == [
        ["CIFAR-10"], ["CIFAR-100"], ["ImageNet-100"]]


def test_an_unrecognised_name_after_on_is_the_dataset_not_the_one_before(scanner, tying):
    text = "On GSM8K our model is strong, reaching 76.28% on AQuA."
    found = entities(text, ("GSM8K", "Dataset", "GSM8K"))
    assert [[t.dataset for t in group] for group in ties(scanner, tying, text, found)] == [["AQuA"]]
    text = "On GSM8K our model is strong, reaching 76.28% on LLaMA2 7b."
    assert [[t.dataset for t in group] for group in ties(scanner, tying, text, found)] == [[None]]  # a model


def test_our_method_is_the_papers_proposed_system(scanner, tying):
    text = "Our method achieves competitive results on WebShop, requiring 50% less data."
    assert ties(scanner, tying, text, [], proposed=["EDGE"]) == [[Tie(None, None, "EDGE")]]
    assert ties(scanner, tying, text, []) == [[Tie(None, None, None)]]


def test_a_number_in_between_keeps_an_entity_to_itself(scanner, tying):
    text = "Accuracy rises to 71.2% while our method is 12% faster."
    found = entities(text, ("Accuracy", "Metric", "Accuracy"))
    assert [[t.metric for t in group] for group in ties(scanner, tying, text, found)] == [["Accuracy"], [None]]


def test_respectively_ends_the_evidence_of_a_list_only(scanner):
    text = "ChatGPT and Llama 2-Chat score 60% and 75%, respectively, on it."
    [_, listed] = scanner.scan(text)[0]  # the "2" of "Llama 2-Chat", then the list
    assert respectively_end(text, listed) == text.index(", on it")
    single = "ChatGPT scores 60%, respectively."
    assert respectively_end(single, scanner.scan(single)[0][0]) is None
