"""Names that differ by case, separators or a plural, or that a paper pairs as aliases, are one node."""

from kg.core.names import name_key
from kg.resolve import Resolver


def test_name_key_folds_case_separators_and_plural():
    assert name_key("Llama-2") == name_key("LLaMA2") == name_key("llama 2") == name_key("Llama_2")
    assert name_key("Transformers") == name_key("transformer")
    assert name_key("GPT-4") == name_key("GPT4")
    assert name_key("Focal Loss") != name_key("Focal Los")  # "loss" keeps its s
    assert name_key("GPT-4") != name_key("GPT-4o")


def test_variants_resolve_to_one_node_with_the_trusted_name():
    resolver = Resolver()
    keys = [resolver.add("Model", name, source) for name, source in
            [("LLaMA2", "ner"), ("Llama-2", "pattern"), ("Llama 2", "ner"), ("LLaMA-2", "ner")]]
    nodes = resolver.entities()
    assert len(nodes) == 1
    (nid, props), = nodes.items()
    assert nid == "model:llama-2" and props["name"] == "Llama-2"
    assert {resolver.node_id(k) for k in keys} == {"model:llama-2"}
    assert set(props["aliases"]) == {"LLaMA2", "Llama 2", "LLaMA-2"}


def test_alias_pairs_join_entities_across_papers():
    resolver = Resolver()
    long_form = resolver.add("Method", "Direct Preference Optimization", "ner")
    short = resolver.add("Method", "DPO", "gazetteer", aliases=("Direct Preference Optimization",))
    other = resolver.add("Method", "PPO", "gazetteer")
    nodes = resolver.entities()
    assert resolver.node_id(long_form) == resolver.node_id(short) == "method:dpo"
    assert resolver.node_id(other) == "method:ppo"
    assert nodes["method:dpo"]["aliases"] == ["Direct Preference Optimization"]


def test_same_name_different_labels_stay_apart():
    resolver = Resolver()
    resolver.add("Dataset", "MATH", "gazetteer")
    resolver.add("Method", "Math", "ner")
    assert set(resolver.entities()) == {"dataset:math", "method:math"}


def _mentions(resolver, label, name, times, **kwargs):
    return [resolver.add(label, name, "gazetteer", **kwargs) for _ in range(times)][0]


def test_the_corpus_type_vote_retypes_a_stray_type():
    resolver = Resolver()
    metric = _mentions(resolver, "Metric", "PSNR", 18)
    stray = _mentions(resolver, "Method", "PSNR", 2, aliases=("peak signal-to-noise ratio",))
    assert set(resolver.entities()) == {"metric:psnr"}
    assert resolver.node_id(stray) == resolver.node_id(metric) == "metric:psnr"
    # the stray's alias partner moves with it
    assert resolver.node_id(resolver.key("Method", "peak signal-to-noise ratio")) == "metric:psnr"


def test_names_with_two_senses_keep_a_node_per_type():
    resolver = Resolver()
    _mentions(resolver, "Method", "MAE", 6)
    _mentions(resolver, "Metric", "MAE", 5)
    assert set(resolver.entities()) == {"method:mae", "metric:mae"}


def test_too_few_mentions_do_not_vote():
    resolver = Resolver()
    _mentions(resolver, "Metric", "PSNR", 8)
    _mentions(resolver, "Method", "PSNR", 1)
    assert set(resolver.entities()) == {"metric:psnr", "method:psnr"}


def test_model_facets_are_kept():
    resolver = Resolver()
    resolver.add("Model", "Llama-2-7B", "pattern", facets={"family": "Llama", "params": "7B"})
    assert resolver.entities()["model:llama-2-7b"]["facets"] == {"family": "Llama", "params": "7B"}
