"""Names that differ by case, separators or a plural, or that a paper pairs as aliases, are one node."""

from kg.core.names import name_key, slug
from kg.resolve import Resolver


def test_name_key_folds_case_separators_and_plural():
    assert name_key("Llama-2") == name_key("LLaMA2") == name_key("llama 2") == name_key("Llama_2")
    assert name_key("Transformers") == name_key("transformer")
    assert name_key("GPT-4") == name_key("GPT4")
    assert name_key("Focal Loss") != name_key("Focal Los")  # "loss" keeps its s
    assert name_key("GPT-4") != name_key("GPT-4o")
    assert name_key("ViTs") == name_key("ViT")  # a plural is a lower-case s after a letter
    assert name_key("ViT-S") != name_key("ViT") != name_key("VITS")  # a size; another model


def test_name_key_and_slug_spell_out_greek_letters_and_drop_accents():
    """arXiv 2511.20804 (corpus): "$\\Delta$-NeRF", cleaned to "Δ-NeRF", had NeRF's key and id."""
    assert name_key("Δ-NeRF") == name_key("Delta-NeRF") != name_key("NeRF")
    assert name_key("PixArt-α") != name_key("PixArt-Σ") and name_key("λ-Net") == name_key("Lambda-Net")
    assert name_key("Refaçade") == name_key("Refacade") and name_key("C²") == name_key("C^2")
    assert slug("Δ-NeRF") == "delta-nerf" and slug("PixArt-α") == "pixart-alpha"


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


# --- acronyms: one sense per long form (issue 10, item 6) ------------------------------------------

def _define(resolver, label, short, long, canonical=None, source="acronym"):
    """One paper's "long (SHORT)" pair, as the extractor reports it: the long-form mention and the
    short-form mention, both with the canonical name and each other as alias."""
    canonical = canonical or short
    return (resolver.add(label, canonical, source, aliases=(short,), surface=long),
            resolver.add(label, canonical, source, aliases=(long,), surface=short))


def test_an_acronym_defined_two_ways_makes_two_nodes():
    resolver = Resolver()
    for _ in range(3):
        _define(resolver, "Method", "DMs", "diffusion models", canonical="Diffusion Model")
    drivers, _ = _define(resolver, "Method", "DMS", "Driver Monitoring Systems")
    diversity, _ = _define(resolver, "Method", "DM", "Diversity Maximization")
    nodes = resolver.entities()
    assert resolver.node_id(drivers) != resolver.node_id(diversity)
    assert "Driver Monitoring Systems" not in nodes["method:diffusion-model"]["aliases"]
    assert "Diversity Maximization" not in nodes["method:diffusion-model"]["aliases"]
    assert "DMs" in nodes["method:diffusion-model"]["aliases"]


def test_senses_sharing_a_display_name_are_named_by_their_long_forms():
    resolver = Resolver()
    for _ in range(4):
        _define(resolver, "Task", "AD", "Autonomous Driving")
    anomaly, _ = _define(resolver, "Task", "AD", "Anomaly Detection")
    resolver.add("Task", "AD", "ner")  # a bare use: the dominant sense takes it
    nodes = resolver.entities()
    assert nodes["task:ad"]["aliases"] == ["Autonomous Driving"]
    assert resolver.node_id(anomaly) == "task:anomaly-detection"
    assert nodes["task:anomaly-detection"]["aliases"] == ["AD"]
    assert resolver.node_id(resolver.key("Task", "AD")) == "task:ad"


def test_long_forms_that_agree_up_to_inflection_are_one_sense():
    resolver = Resolver()
    first, _ = _define(resolver, "Method", "LoRA", "Low-Rank Adaptation")
    second, _ = _define(resolver, "Method", "LoRA", "low-rank adapters")
    swallowed, _ = _define(resolver, "Method", "SFT", "supervision during the fine-tuning")
    proper, _ = _define(resolver, "Method", "SFT", "supervised fine-tuning")
    resolver.entities()
    assert resolver.node_id(first) == resolver.node_id(second) == "method:lora"
    assert resolver.node_id(swallowed) != resolver.node_id(proper)


def test_a_bare_acronym_without_a_dominant_sense_stays_its_own_node():
    resolver = Resolver()
    for _ in range(2):
        _define(resolver, "Task", "IR", "Image Restoration")
        _define(resolver, "Task", "IR", "Information Retrieval")
    bare = resolver.add("Task", "IR", "ner")
    nodes = resolver.entities()
    assert resolver.node_id(bare) == "task:ir"
    assert {"task:image-restoration", "task:information-retrieval"} <= set(nodes)
    assert nodes["task:ir"]["aliases"] == []


def test_a_catalogued_acronym_is_not_taken_by_one_paper_s_own_definition():
    resolver = Resolver()
    benchmark = [resolver.add("Dataset", "MT-Bench", "gazetteer") for _ in range(5)][0]
    other, _ = _define(resolver, "Dataset", "MT-Bench", "Multimodal Time Series Benchmark")
    resolver.entities()
    assert resolver.node_id(benchmark) == "dataset:mt-bench"
    assert resolver.node_id(other) == "dataset:multimodal-time-series-benchmark"


def test_a_catalogued_acronym_joins_the_sense_whose_long_form_the_catalogue_matched():
    resolver = Resolver()
    resolver.add("Method", "SFT", "gazetteer", aliases=("SFT",), surface="supervised fine-tuning")
    resolver.add("Method", "SFT", "gazetteer", aliases=("supervised fine-tuning",), surface="SFT")
    bare = resolver.add("Method", "SFT", "gazetteer")
    nodes = resolver.entities()
    assert resolver.node_id(bare) == "method:sft"
    assert nodes["method:sft"]["aliases"] == ["supervised fine-tuning"]


def test_the_type_vote_does_not_join_two_senses_of_an_acronym():
    resolver = Resolver()
    for _ in range(6):
        _define(resolver, "Model", "SSMs", "State Space Models")
    measures, _ = _define(resolver, "Method", "SSMs", "Semantic Similarity Measures")
    nodes = resolver.entities()
    assert resolver.node_id(measures).startswith("method:")
    assert "Semantic Similarity Measures" not in nodes["model:ssms"]["aliases"]


def test_surface_forms_are_listed_as_aliases_with_whitespace_folded():
    resolver = Resolver()
    resolver.add("Model", "Llama-3.1-8B-Instruct", "pattern", surface="LLaMA 3.1\n8B Instruct")
    resolver.add("Model", "Llama-3.1-8B-Instruct", "pattern", surface="Llama-3.1-8B-Instruct")
    nodes = resolver.entities()
    assert nodes["model:llama-3.1-8b-instruct"]["aliases"] == ["LLaMA 3.1 8B Instruct"]


def test_a_name_only_a_catalogue_typed_takes_that_type_from_guesses():
    resolver = Resolver()
    metric = _mentions(resolver, "Metric", "BLEU", 4)  # the gazetteer's hits
    guess = resolver.add("Method", "BLEU", "ner")  # the NER's guess in one paper
    other = resolver.add("Method", "GitHub", "ner")
    resolver.add("Dataset", "GitHub", "ner")  # two guesses: no catalogue to follow
    resolver.entities()
    assert resolver.node_id(guess) == resolver.node_id(metric) == "metric:bleu"
    assert resolver.node_id(other) == "method:github"


def test_a_catalogue_type_in_a_minority_does_not_win():
    resolver = Resolver()
    _mentions(resolver, "Dataset", "KV", 2)
    for _ in range(3):
        resolver.add("Task", "KV", "ner")
    assert set(resolver.entities()) == {"dataset:kv", "task:kv"}
