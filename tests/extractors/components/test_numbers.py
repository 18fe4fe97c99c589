"""The reported-numbers component on real abstract sentences (seed dumps and the 2025 arXiv corpus).

Each case runs the shipped pipeline end to end (cleaning, offsets back into the input), so LaTeX
such as `75\\%` and `$\\times$` is exercised as it arrives. Expected values are read off the sentences
by hand, following GUIDE.md "results".
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from extractors.attributes import ENTITIES_KEY
from extractors.pipeline import default_pipeline, extract_papers
from kg.core.records import Paper, Result


@pytest.fixture(scope="module")
def nlp():
    return default_pipeline()


def extract(nlp, abstract: str, title: str = "") -> list[Result]:
    [extraction] = extract_papers([Paper(id="t", title=title, abstract=abstract)], nlp)
    for result in extraction.results:
        source = title if result.field == "title" else abstract
        assert result.evidence == source[result.start:result.end]
    return extraction.results


def found(nlp, abstract: str) -> list[tuple[float, str | None, str]]:
    return [(r.value, r.unit, r.kind) for r in extract(nlp, abstract)]


# -- pattern families ------------------------------------------------------------------------------

def test_absolute_scores_with_percent_and_metric(nlp):
    # arXiv 2507.12359
    text = ("Our method achieves 91.40% top-1 classification accuracy on CIFAR-10, 68.56% on "
            "CIFAR-100, and 78.65% on ImageNet-100 using linear evaluation with a ResNet-18 backbone.")
    assert found(nlp, text) == [(91.4, "%", "absolute"), (68.56, "%", "absolute"), (78.65, "%", "absolute")]


def test_bare_scores_need_a_metric(nlp):
    # seed s035 and s088
    text = ("We build classifiers to detect generalization in language with an overall PR-AUC of 58.7, "
            "with varying degrees of performance across languages.")
    assert found(nlp, text) == [(58.7, None, "absolute")]
    text = ("In the MTL setting, an instruction tuned model trained on only 6% of downstream training data "
            "achieve SOTA, while using 100% of the training data results in a 3.69% points improvement "
            "(ROUGE-L 74.68) over the previous SOTA.")
    assert found(nlp, text) == [(6.0, "%", "other"), (100.0, "%", "other"),
                                (3.69, "points", "improvement"), (74.68, None, "absolute")]


def test_correlations_are_other(nlp):
    # seed s019
    text = ("Notably, we find a strong positive correlation between brain alignment and model size "
            "(r = 0.95), as well as performance on tasks requiring world knowledge (r = 0.81).")
    assert found(nlp, text) == [(0.95, None, "other"), (0.81, None, "other")]


def test_respectively_lists_keep_order_and_latex_evidence(nlp):
    # seed s059: the input keeps `\%`; the evidence is the input text, offsets into it
    text = ("Our method achieves competitive results on the HotpotQA and WebShop and datasets, requiring "
            "75\\% and 50\\% less data, respectively, while outperforming existing methods.")
    results = extract(nlp, text)
    assert [(r.value, r.unit, r.kind) for r in results] == [(75.0, "%", "reduction"), (50.0, "%", "reduction")]
    assert "75\\% and 50\\% less data, respectively" in results[0].evidence
    # seed s051
    text = ("Our analysis reveals that ChatGPT and Llama 2-Chat exhibit hallucinations in 60% and 75% of "
            "their outputs, respectively, and a majority of these hallucinations fall into categories "
            "that have been underexplored.")
    assert found(nlp, text) == [(60.0, "%", "absolute"), (75.0, "%", "absolute")]


def test_ranges_give_both_end_points(nlp):
    # seed s051
    text = ("FAVA's suggested edits also improve the factuality of LM-generated text, resulting in 5-10% "
            "FActScore improvements.")
    assert found(nlp, text) == [(5.0, "%", "improvement"), (10.0, "%", "improvement")]
    # arXiv 2504.16427
    text = ("Extensive experiments reveal that even fine-tuned models achieve only about 60%~70% accuracy, "
            "underscoring the limitations of current MLLMs in understanding complex human language.")
    assert found(nlp, text) == [(60.0, "%", "absolute"), (70.0, "%", "absolute")]
    # seed s005: the dump lost the backslash of \sim
    text = ("Statistically, we observe an 80%sim95% co-currency rate between hallucination contents and "
            "such knowledge aggregation patterns.")
    assert [v for v, _, _ in found(nlp, text)] == [80.0, 95.0]


def test_from_x_to_y_gives_two_absolutes(nlp):
    # arXiv 2503.16429
    text = ("Sonata demonstrates exceptional parameter and data efficiency, tripling linear probing "
            "accuracy (from 21.8% to 72.5%) on ScanNet and nearly doubling performance with only 1% of "
            "the data compared to previous approaches.")
    # "with only 1% of the data": a setting
    assert found(nlp, text) == [(21.8, "%", "absolute"), (72.5, "%", "absolute")]
    # arXiv 2503.14960 (LaTeX percent) and seed s100 (arrow written out by the dump)
    text = ("Experiments on large-scale benchmarks demonstrate that BHaRNet achieves SOTA accuracies -- "
            "improving from 86.4\\% to 93.0\\% in hand-intensive actions -- while maintaining fewer GFLOPs.")
    assert found(nlp, text) == [(86.4, "%", "absolute"), (93.0, "%", "absolute")]
    text = ("We first show that synthetic data approaches to inferring latent thoughts significantly "
            "improve data efficiency, outperforming training on the same amount of raw data "
            "(5.7\\% rightarrow 25.4\\% on MATH).")
    assert found(nlp, text) == [(5.7, "%", "absolute"), (25.4, "%", "absolute")]


def test_factor_fold_and_times(nlp):
    # arXiv 2503.17059, 2503.13724 (`$56$`), 2504.00247, 2504.19398, 2503.12539
    assert found(nlp, "DIDiffGes can generate gestures from speech with just 10 sampling steps, reducing "
                      "the number of sampling steps by a factor of 100 compared to existing methods.") \
        == [(100.0, "x", "reduction")]
    assert found(nlp, "By revisiting the high-level design of dominant video understanding backbones, we "
                      "increase inference speed by a factor of $56$ while retaining similar performance.") \
        == [(56.0, "x", "improvement")]
    assert found(nlp, "Experimentally, MultiMorph outperforms state-of-the-art atlas construction methods "
                      "in both small and large population settings, with a 100-fold reduction in time.") \
        == [(100.0, "x", "reduction")]
    assert found(nlp, "Our system operates in real-time on standard arthroscopic equipment, achieving 25.3 "
                      "FPS with a latency of only 39.5 ms, representing a 3.5-fold improvement over our "
                      "previous static system.") == [(25.3, None, "absolute"), (39.5, None, "absolute"),
                                                     (3.5, "x", "improvement")]  # a latency of 39.5 ms is measured
    assert found(nlp, "We introduce a more concise boundary pseudo-label calculation algorithm, which is "
                      "3.9 times faster than the state-of-the-art.") == [(3.9, "x", "improvement")]
    # arXiv 2503.13504: "Top-50" and the bandwidth size are not results
    assert found(nlp, "On V2V4Real, our model (Top-50 object queries) requires only 0.416 Mb bandwidth, "
                      "83 times less than SOTA methods, while improving AP70 by 1.1 percent.") \
        == [(83.0, "x", "reduction"), (1.1, "%", "improvement")]
    # arXiv 2504.12462: LaTeX \times
    assert found(nlp, "It outperforms existing 3D tracking methods by 30% and runs 50$\\times$ faster.") \
        == [(30.0, "%", "improvement"), (50.0, "x", "improvement")]


def test_numbers_as_words(nlp):
    # arXiv 2504.02799, 2503.24366, 2504.09643
    assert found(nlp, "In-context learning, incorporating examples during testing, boosted performance up "
                      "to three-fold, suggesting adaptability as a key strength.") == [(3.0, "x", "improvement")]
    assert found(nlp, "At a reasonable visual quality, our method renders more than four times faster than "
                      "sorted rasterization.") == [(4.0, "x", "improvement")]
    assert found(nlp, "Our evaluation on the MultiPL-E dataset demonstrates that our 13.4B parameter model "
                      "outperforms a 33B model in code generation quality while being three times faster.") \
        == [(3.0, "x", "improvement")]


def test_percentage_points(nlp):
    # arXiv 2503.22303, 2505.05327, 2503.17938
    assert found(nlp, "PRAISE achieves new state-of-the-art performance on a popular ConvQA benchmark, by "
                      "gaining 15.5 percentage points increase in precision over baselines.") \
        == [(15.5, "points", "improvement")]
    assert found(nlp, "Remarkably, on LLaMA3.1-8B, models trained on 15% of ICon-selected data outperform "
                      "full datasets by 5.42% points and exceed the best performance of widely used "
                      "selection methods by 2.06% points.") \
        == [(15.0, "%", "other"), (5.42, "points", "improvement"), (2.06, "points", "improvement")]
    assert found(nlp, "Notably, in outdoor relative pose estimation, our method surpasses the previous SOTA "
                      "by $2.58$ absolute percentage points in AUC@20.") == [(2.58, "points", "improvement")]


def test_slash_lists_margins_and_reductions_of_a_share(nlp):
    # arXiv 2505.23363, 2505.23617, 2505.23763; "(15.8/25)" is a score out of a total, the system's
    assert found(nlp, "Integrated into PPO/REINFORCE algorithms, Q-RM enhances the average Pass@1 score by "
                      "5.85/4.70 points on mathematical reasoning tasks compared to the ORM baseline.") \
        == [(5.85, "points", "improvement"), (4.7, "points", "improvement")]
    assert found(nlp, "TrajViT outperforms ViT3D by a large margin of 6% top-5 recall in average at "
                      "video-text retrieval task.") == [(6.0, "%", "improvement")]
    assert found(nlp, "The end result is an overall reduction of 99.37% of FLOPs (from 40.18G to 0.254G) "
                      "when compared to the baseline.") == [(99.37, "%", "reduction")]
    assert found(nlp, "Human studies rate it above models such as Qwen-2.5-72B-Instruct (15.8/25).") \
        == [(15.8, None, "absolute")]


def test_signed_gains(nlp):
    # arXiv 2503.14493
    assert found(nlp, "Our method improves the GroupFree baseline in terms of AP50 on ScanNet V2 (+5.3) and "
                      "SUN RGB-D (+3.2) datasets.") == [(5.3, "points", "improvement"), (3.2, "points", "improvement")]


def test_wins_on_n_of_m(nlp):
    # seed s074: the model size and the task count are not results
    text = ("We take a 137B parameter pretrained language model and instruction-tune it on over 60 NLP "
            "tasks verbalized via natural language instruction templates. FLAN substantially improves "
            "the performance of its unmodified counterpart and surpasses zero-shot 175B GPT-3 on 20 of "
            "25 tasks that we evaluate.")
    assert found(nlp, text) == [(20.0, None, "other")]
    # arXiv 2503.16184
    assert found(nlp, "Our methodology achieves state-of-the-art performance on 10 out of 11 benchmarks "
                      "using only real data.") == [(10.0, None, "other")]


def test_parenthesised_scores_and_comparatives(nlp):
    # seed dumps (examples/): a metric before "(0.82)", a comparative before "(9.76%)"
    text = ("Using 15.7% of the all available data, it obtained the second-best precision (0.82), "
            "third-best accuracy (0.82), and an F1-score (0.85) very close to what was reported by the "
            "winner team (0.86).")
    assert found(nlp, text) == [(15.7, "%", "other"), (0.82, None, "absolute"), (0.82, None, "absolute"),
                                (0.85, None, "absolute")]
    text = ("Our experimental results demonstrate that DRESS can generate more helpful (9.76%), honest "
            "(11.52%), and harmless (21.03%) responses compared to SOTA LVMLs.")
    assert found(nlp, text) == [(9.76, "%", "improvement"), (11.52, "%", "improvement"), (21.03, "%", "improvement")]


def test_labels_and_spreads_are_not_results(nlp):
    # seed dumps: "Task 1" must not join "83.90%"; arXiv 2025: the spread after +- is not a result
    assert found(nlp, "Our system achieves an F1 score of 85.00% in Task 1 and 83.90% in Task 2.") \
        == [(85.0, "%", "absolute"), (83.9, "%", "absolute")]
    assert [v for v, _, _ in found(nlp, "The model separates pre-capillary PH (AUC = 0.86 +- 0.06) and "
                                        "post-capillary PH (AUC = 0.83 +- 0.06).")] == [0.86, 0.83]


def test_title_results_map_to_the_title(nlp):
    [result] = extract(nlp, "We study attention.", title="FlashThing: 2x Faster Attention")
    assert (result.field, result.value, result.unit, result.kind) == ("title", 2.0, "x", "improvement")


# -- rejections ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # dataset sizes (arXiv 2503.12799, seed s035)
    "We construct a dataset called MM-GCoT consisting of 24,022 GCoT examples for 5,033 images.",
    "We introduce the new task of detecting generalization in language, and build GeniL, a multilingual "
    "dataset of over 50K sentences from 9 languages annotated for instances of generalizations.",
    # parameter counts and counts of things (seeds s084, s019, s057, s072, s099)
    "Subsequent fine-tuning of 7B and 13B parameter models on these combined skill texts revealed findings.",
    "We assess 25 vanilla and instruction-tuned LLMs across three datasets involving humans reading stories.",
    "Okapi introduces instruction and response-ranked data in 26 diverse languages.",
    "Extensive experiments on 14 NLP tasks validate our theory.",
    "Prior work shows that using merely 1K examples for SFT can achieve significant alignment performance.",
    # context lengths (arXiv 2503.19786)
    "This version introduces vision understanding abilities and longer context - at least 128K tokens.",
    # years and citations (arXiv 2503.21248, seeds s052, s072)
    "To prevent data contamination, we focus exclusively on papers published in 2024.",
    "We analyze the semantic information gap (Johnson-Laird, 1988, 1993).",
    "We use Tensor Programs (Yang, 2020) to characterize conditions under which the NTK lens applies.",
    # versions and section numbers (arXiv 2507.06435)
    "Continually pre-training Mistral-7B-v0.3 with MetaSynth adapts it to new domains.",
    "Section 3 presents the modeling pipeline, including preprocessing and model training.",
    # hyper-parameters (seed s084, arXiv 2505.00741)
    "While small models struggled with composing even with k=3, larger models like GPT-4 performed "
    "reasonably well with k=5 and 6.",
    "The CNN model was trained using the Adam optimiser with a learning rate of 0.0001.",
    # top-k, intervals, design fractions (GUIDE.md; examples LoFiT; arXiv 2503.15169, 2503.18405)
    "We report top-1 and top-5 accuracy.",
    "Performance metrics were measured for each task, along with their 95% confidence intervals.",
    "LoFiT localizes to a sparse set of heads (3%) and learns the offset vectors from limited training data.",
    "The proposed model requires only 13% of the parameters of DL-based online coupling models.",
    # evaluation settings, not outcomes (arXiv 2508.16030, 2508.13426, 2508.13101)
    "Experiments show that middle fusion boosts mean Average Precision at IoU 0.9 over single-vehicle baselines.",
    "SFT boosts held-out association Precision at 5 in English and in Mandarin.",
    "The RT-DETR-X model reports its mean Average Precision at 50% IoU on coastal debris.",
    # ratios that are not outcomes: hardware counts, resolutions, "two-fold" as "of two kinds"
    "Our 8B model generates 1280x720 video on 8x H100 GPUs.",
    "Our contributions are twofold.",
    "Through a two-fold experiment using eye-tracking (30 participants) and mouse-tracking (375 "
    "participants aged 13--70), we analyze attention patterns across demographic groups.",
    "Our model surpasses models with 10x more parameters.",
])
def test_rejections(nlp, text):
    assert found(nlp, text) == []


# -- tying numbers to the entity spans of other components ------------------------------------------

def run_with_entities(nlp, text: str, entities: list[tuple[str, str, str]], proposed=()) -> list[dict]:
    """Run the numbers component on `text` whose entity spans are (surface, label, canonical)."""
    doc = nlp.make_doc(text)
    for name in ("sentencizer", "paperkg_sections"):
        doc = nlp.get_pipe(name)(doc)
    spans = []
    for surface, label, canonical in entities:
        start = text.index(surface)
        spans.append(Span(doc, *_token_bounds(doc, start, start + len(surface)), label=label, span_id=canonical))
    doc.spans[ENTITIES_KEY] = spans
    doc._.proposed = list(proposed)
    return nlp.get_pipe("paperkg_numbers")(doc)._.results


def _token_bounds(doc, start: int, end: int) -> tuple[int, int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.start, span.end


def test_respectively_pairs_subjects_and_datasets(nlp):
    text = ("Our analysis reveals that ChatGPT and Llama 2-Chat exhibit hallucinations in 60% and 75% of "
            "their outputs, respectively.")
    results = run_with_entities(nlp, text, [("ChatGPT", "Model", "ChatGPT"),
                                            ("Llama 2-Chat", "Model", "Llama-2-Chat")])
    assert [r["subject"] for r in results] == ["ChatGPT", "Llama-2-Chat"]
    text = ("Our method achieves competitive results on the HotpotQA and WebShop and datasets, requiring "
            "75% and 50% less data, respectively.")
    results = run_with_entities(nlp, text, [("HotpotQA", "Dataset", "HotpotQA"), ("WebShop", "Dataset", "WebShop")])
    assert [r["dataset"] for r in results] == ["HotpotQA", "WebShop"]


def test_ties_metric_dataset_and_subject_not_the_baseline(nlp):
    text = "On GSM8K, Llama-3-8B reaches 85.3% accuracy, outperforming GPT-3.5 by 4.1%."
    results = run_with_entities(nlp, text, [
        ("GSM8K", "Dataset", "GSM8K"), ("Llama-3-8B", "Model", "Llama-3-8B"),
        ("accuracy", "Metric", "Accuracy"), ("GPT-3.5", "Model", "GPT-3.5"),
    ])
    assert [(r["value"], r["kind"], r["metric"], r["dataset"], r["subject"]) for r in results] == [
        (85.3, "absolute", "Accuracy", "GSM8K", "Llama-3-8B"),
        (4.1, "improvement", "Accuracy", "GSM8K", "Llama-3-8B"),  # the gain continues the accuracy score
    ]


def test_our_method_is_the_papers_first_proposed_system(nlp):
    text = "We propose EDGE. Our method achieves competitive results on WebShop, requiring 50% less data."
    [result] = run_with_entities(nlp, text, [("EDGE", "Method", "EDGE")], proposed=["EDGE"])
    assert (result["value"], result["kind"], result["subject"]) == (50.0, "reduction", "EDGE")


def test_each_number_goes_to_the_dataset_it_is_on(nlp):
    text = "Our method achieves 91.40% on CIFAR-10, 68.56% on CIFAR-100, and 78.65% on ImageNet-100."
    results = run_with_entities(nlp, text, [
        ("CIFAR-10", "Dataset", "CIFAR-10"), ("CIFAR-100", "Dataset", "CIFAR-100"),
        ("ImageNet-100", "Dataset", "ImageNet-100"),
    ])
    assert [(r["value"], r["dataset"]) for r in results] == [
        (91.4, "CIFAR-10"), (68.56, "CIFAR-100"), (78.65, "ImageNet-100")]


def test_a_number_inside_an_entity_name_is_not_a_result(nlp):
    # a bare score needs a dataset span after "reaches ... on"; "2.0 F1" reads as a score until the
    # dataset span covers it
    text = "Our reader reaches 88.1 on the SQuAD 2.0 F1 leaderboard."
    assert [r["value"] for r in run_with_entities(nlp, text, [])] == [2.0]
    results = run_with_entities(nlp, text, [("SQuAD 2.0", "Dataset", "SQuAD-2.0")])
    assert [(r["value"], r["dataset"]) for r in results] == [(88.1, "SQuAD-2.0")]


def test_a_number_with_a_unit_is_a_measurement_even_inside_a_span(nlp):
    # arXiv 2506.10822: the NER once tagged "30-50%" as a Method; the range stays a result
    text = "Experiments demonstrate that ReCUT significantly reduces reasoning lengths by approximately 30-50%."
    results = run_with_entities(nlp, text, [("ReCUT", "Method", "ReCUT"), ("30-50%", "Method", "30-50%")])
    assert [(r["value"], r["unit"], r["kind"], r["subject"]) for r in results] == [
        (30.0, "%", "reduction", "ReCUT"), (50.0, "%", "reduction", "ReCUT")]


# -- issue 10: the outside Papers-with-Code check's failures, on sentences written like theirs -------

def test_a_respectively_list_of_perplexities(nlp):
    text = ("On the Penn Treebank and WikiText-2 datasets, our AWD-LSTM model achieves perplexities of 51.1 "
            "and 44.3 respectively.")
    results = run_with_entities(nlp, text, [("Penn Treebank", "Dataset", "Penn Treebank"),
                                            ("WikiText-2", "Dataset", "WikiText-2"),
                                            ("AWD-LSTM", "Method", "AWD-LSTM")], proposed=["AWD-LSTM"])
    assert [(r["value"], r["unit"], r["kind"], r["metric"], r["dataset"], r["subject"]) for r in results] == [
        (51.1, None, "absolute", "Perplexity", "Penn Treebank", "AWD-LSTM"),
        (44.3, None, "absolute", "Perplexity", "WikiText-2", "AWD-LSTM")]


def test_bits_per_character_and_bleu_on_a_test_set_no_entity_names(nlp):
    text = "On enwik8, Transformer-XL reaches 1.27 bits per character."
    results = run_with_entities(nlp, text, [("enwik8", "Dataset", "enwik8"),
                                            ("Transformer-XL", "Method", "Transformer-XL")])
    assert [(r["value"], r["unit"], r["metric"], r["dataset"], r["subject"]) for r in results] == [
        (1.27, None, "BPC", "enwik8", "Transformer-XL")]
    text = "The big Transformer reaches 35 BLEU on the WMT'14 English-German test set."
    results = run_with_entities(nlp, text, [("Transformer", "Method", "Transformer")])
    assert [(r["value"], r["metric"], r["dataset"], r["subject"]) for r in results] == [
        (35.0, "BLEU", "WMT'14 English-German", "Transformer")]


def test_the_old_number_of_a_change_is_not_the_new_methods(nlp):
    text = "SpanBERT improves the state of the art from 71.0% F1 to 75.9%."
    results = run_with_entities(nlp, text, [("SpanBERT", "Model", "SpanBERT")])
    assert [(r["value"], r["kind"], r["metric"], r["subject"]) for r in results] == [
        (71.0, "absolute", "F1", None), (75.9, "absolute", "F1", "SpanBERT")]


def test_a_year_is_never_a_value(nlp):
    text = "DeepLabv3+ achieves 86.2% mean IOU on PASCAL VOC 2012 and 80.3% mean IOU on Cityscapes."
    for spans in ([("DeepLabv3+", "Method", "DeepLabv3+"), ("Cityscapes", "Dataset", "Cityscapes")],
                  [("DeepLabv3+", "Method", "DeepLabv3+"), ("PASCAL VOC 2012", "Dataset", "PASCAL VOC 2012"),
                   ("Cityscapes", "Dataset", "Cityscapes")]):
        results = run_with_entities(nlp, text, spans)
        assert [(r["value"], r["unit"], r["metric"], r["dataset"], r["subject"]) for r in results] == [
            (86.2, "%", "Mean IoU", "PASCAL VOC 2012", "DeepLabv3+"),
            (80.3, "%", "Mean IoU", "Cityscapes", "DeepLabv3+")]


def test_a_change_shares_the_place_of_the_gain_it_follows_a_coordinated_one_does_not(nlp):
    """'from A to B' right after a gain on D is measured on D; '..., and A to B ... for E' is not
    (seed example papers)."""
    gain = "SLOT achieves an accuracy gain of 8.6% on GSM8K from 57.54% to 66.19%."
    results = run_with_entities(nlp, gain, [("SLOT", "Method", "SLOT"), ("GSM8K", "Dataset", "GSM8K")])
    assert [(r["value"], r["dataset"]) for r in results] == [(8.6, "GSM8K"), (57.54, "GSM8K"), (66.19, "GSM8K")]
    coordinated = "We improve PASS@100 from 35.5% to 44.5% for GSM8K, and 27.6% to 36.2% PASS@80 for MathQA."
    results = run_with_entities(nlp, coordinated, [("GSM8K", "Dataset", "GSM8K"), ("MathQA", "Dataset", "MathQA")])
    assert [(r["value"], r["dataset"]) for r in results] == [
        (35.5, "GSM8K"), (44.5, "GSM8K"), (27.6, "MathQA"), (36.2, "MathQA")]


def test_a_capitalised_word_after_in_is_no_other_place(nlp):
    """2025 corpus sentences: after "in", a measure or a language ("in SummaC scores", "in English")
    does not stand for a place the number is on, so the sentence's dataset holds; a name with a
    version number ("in BraTS2020", which the NER did not find) still does."""
    text = ("On GovReport, our best approach has improved ROUGE-L by 4.1 points and achieves about 35% gains "
            "in SummaC scores. Experimental evaluation on the Semantic Textual Similarity Benchmark (STS-B) "
            "shows that HTP achieves a Spearman correlation of 0.68 in English. The model reaches 94.09% "
            "in BraTS2020.")
    [extraction] = extract_papers([Paper(id="t", title="", abstract=text)], nlp)
    assert [(r.value, r.dataset) for r in extraction.results] == [
        (4.1, "GovReport"), (35.0, "GovReport"), (0.68, "STS-B"), (94.09, None)]


def test_a_metric_phrase_a_result_is_tied_to_is_a_metric_mention(nlp):
    """No catalogue lists "attack success rates"; the result that reports it says it is a metric
    (the model tags only "attack success"). A bare measure word ("time") is none."""
    text = ("Evo-MARL reduces attack success rates by up to 22%. It achieves 92.5% sensitivity and "
            "cuts time by 15%.")
    [extraction] = extract_papers([Paper(id="t", title="", abstract=text)], nlp)
    metrics = [(m.text, m.canonical, m.source) for m in extraction.entities if m.type == "Metric"]
    assert metrics == [("attack success rates", "Attack Success Rate", "pattern"),
                       ("sensitivity", "Sensitivity", "pattern")]
    assert [(r.value, r.metric) for r in extraction.results] == [
        (22.0, "Attack Success Rate"), (92.5, "Sensitivity"), (15.0, "Time")]


def test_a_result_makes_a_generic_mention_of_its_metric_named(nlp):
    """arXiv train ax0394: in its paper the NER calls "specificity" a generic mention; the numbers
    tied to it name the metric (6 metrics on train were lost this way)."""
    text = ("At a fixed threshold, the micro-US model achieved 92.5% sensitivity and 68.1% specificity, "
            "while the clinical model showed 96.2% sensitivity but only 27.3% specificity.")
    doc = nlp.make_doc(text)
    for name in ("sentencizer", "paperkg_sections"):
        doc = nlp.get_pipe(name)(doc)
    start = text.index("specificity")
    generic = doc.char_span(start, start + len("specificity"), label="Metric", span_id="specificity")
    generic._.source, generic._.generic = "ner", True
    doc.spans[ENTITIES_KEY] = [generic]
    doc = nlp.get_pipe("paperkg_numbers")(doc)
    assert [(s.text, s.id_, s._.source, s._.generic) for s in doc.spans[ENTITIES_KEY]
            if s.text == "specificity"] == [("specificity", "Specificity", "pattern", False)] * 2


def test_a_tied_metric_phrase_replaces_a_mention_of_another_type_inside_it(nlp):
    """A 2025 corpus sentence: the NER called "rotation" and "translation" generic Tasks; the numbers
    tied to "rotation error" and "translation error" make those the mentions, Metrics."""
    text = ("Experiments demonstrate that E-M3RF on the RePAIR dataset reduces rotation error by 23.1% and "
            "translation error by 13.2%.")
    doc = nlp.make_doc(text)
    for name in ("sentencizer", "paperkg_sections"):
        doc = nlp.get_pipe(name)(doc)
    spans = []
    for word in ("rotation", "translation"):
        start = text.index(word)
        span = doc.char_span(start, start + len(word), label="Task", span_id=word)
        span._.source, span._.generic = "ner", True
        spans.append(span)
    doc.spans[ENTITIES_KEY] = spans
    doc = nlp.get_pipe("paperkg_numbers")(doc)
    assert [(s.text, s.label_, s.id_) for s in doc.spans[ENTITIES_KEY]] == [
        ("rotation error", "Metric", "Rotation Error"), ("translation error", "Metric", "Translation Error")]


def test_a_tied_metric_phrase_keeps_a_known_metrics_name_without_its_score_word(nlp):
    """ "IoU scores" and "f1-scores" name IoU and F1 (their surface forms become node aliases);
    "harmful score" is a name whole."""
    text = "It improves IoU scores by 3.1 points, f1-scores by 2% and reaches a harmful score of 1.2."
    [extraction] = extract_papers([Paper(id="t", title="", abstract=text)], nlp)
    assert [(m.text, m.canonical) for m in extraction.entities if m.type == "Metric"
            and m.source != "ner"] == [("IoU", "IoU"), ("harmful score", "Harmful Score")]


def test_precision_as_an_ordinary_noun_is_a_generic_mention(nlp):
    def metrics(text: str) -> list[tuple[str, bool]]:
        [extraction] = extract_papers([Paper(id="t", title="", abstract=text)], nlp)
        return [(m.text, m.generic) for m in extraction.entities if m.type == "Metric"]

    assert metrics("The method offers high precision at minimal cost.") == [("precision", True)]
    assert metrics("It reaches 85% precision on our benchmark.") == [("precision", False)]
    assert metrics("We report precision, recall and F1.") == [
        ("precision", False), ("recall", False), ("F1", False)]


def test_a_tied_metric_mention_leaves_out_judgements_and_units(nlp):
    text = "FooGen trains with 120 MB GPU memory and comparable rendering quality of 31.2, and cuts overhead by 20%."
    [extraction] = extract_papers([Paper(id="t", title="", abstract=text)], nlp)
    assert [m.text for m in extraction.entities if m.type == "Metric" and m.source == "pattern"] == [
        "GPU memory", "rendering quality"]


def test_a_score_beside_the_baselines_in_brackets_is_two_results(nlp):
    """'(0.6476 vs. 0.5905)', '(83.9% vs. 84.0%)': both absolute, the first the subject's, the
    second the rival's; the metric is the one before the bracket (arXiv 2504.00061, 2504.10834)."""
    itj = ("ITJ accuracy was higher in ChatGPT-4o-mini (0.6476 vs. 0.5905) but with lower consistency "
           "(Cronbach's $\\alpha$ = 0.562), suggesting variability in classification reliability.")
    results = run_with_entities(nlp, itj, [("accuracy", "Metric", "Accuracy"),
                                           ("ChatGPT-4o-mini", "Model", "ChatGPT-4o-mini")])
    assert [(r["value"], r["kind"], r["metric"], r["subject"]) for r in results] == [
        (0.6476, "absolute", "Accuracy", "ChatGPT-4o-mini"), (0.5905, "absolute", "Accuracy", None)]
    light = ("On the ISPRS Vaihingen benchmark, LightFormer attains 99.9% of GLFFNet's mIoU (83.9% vs. 84.0%) "
             "while requiring only 14.7% of its FLOPs.")
    results = run_with_entities(nlp, light, [("ISPRS Vaihingen", "Dataset", "ISPRS Vaihingen"),
                                             ("LightFormer", "Method", "LightFormer"),
                                             ("GLFFNet", "Method", "GLFFNet"), ("mIoU", "Metric", "mIoU")])
    assert [(r["value"], r["kind"], r["dataset"], r["subject"]) for r in results if r["value"] > 80] == [
        (99.9, "other", "ISPRS Vaihingen", "LightFormer"), (83.9, "absolute", "ISPRS Vaihingen", "LightFormer"),
        (84.0, "absolute", "ISPRS Vaihingen", "GLFFNet")]


def test_a_metric_as_the_subject_of_are_makes_its_numbers_scores(nlp):
    """Issue 10's '51.1 and 44.3 respectively' perplexities; arXiv 2507.16002."""
    text = "The perplexities of the two models are 51.1 and 44.3, respectively."
    assert [(r["value"], r["metric"]) for r in run_with_entities(nlp, text, [])] == [
        (51.1, "Perplexity"), (44.3, "Perplexity")]
    text = "The macro F1 scores for MuRIL and XLM-R are 0.69 and 0.495, respectively, without RA."
    results = run_with_entities(nlp, text, [("macro F1", "Metric", "Macro-F1"), ("MuRIL", "Model", "MuRIL"),
                                            ("XLM-R", "Model", "XLM-R")])
    assert [(r["value"], r["metric"], r["subject"]) for r in results] == [
        (0.69, "Macro-F1", "MuRIL"), (0.495, "Macro-F1", "XLM-R")]
    assert run_with_entities(nlp, "The number of layers is 12 and the hidden size is 768.", []) == []


def test_a_unit_that_is_a_metric_and_times_that_are_no_duration(nlp):
    """'41.0 FPS' is an FPS result, not the mAP before it; '8 times faster' names no Time metric
    (arXiv 2503.13903, 2503.14494); a device after 'on' is no dataset."""
    fps = "Particularly, our TGBFormer achieves 86.5% mAP while running at around 41.0 FPS on a single Tesla A100 GPU."
    results = run_with_entities(nlp, fps, [("TGBFormer", "Method", "TGBFormer"), ("mAP", "Metric", "mAP"),
                                           ("FPS", "Metric", "FPS")])
    assert [(r["value"], r["metric"], r["dataset"]) for r in results] == [(86.5, "mAP", None), (41.0, "FPS", None)]
    faster = "DeepFlow converges 8 times faster on ImageNet with equivalent performance and reduces FID by 2.6."
    results = run_with_entities(nlp, faster, [("DeepFlow", "Method", "DeepFlow"), ("ImageNet", "Dataset", "ImageNet"),
                                              ("FID", "Metric", "FID")])
    assert [(r["value"], r["unit"], r["metric"]) for r in results] == [(8.0, "x", None), (2.6, "points", "FID")]


def test_a_tool_held_by_a_participle_is_not_the_subject(nlp):
    """arXiv 2505.17827: the model trained with CTS achieves the gain; the paper's own tool would."""
    text = ("Notably, on the GPQA benchmark, Qwen2.5-14B-Instruct trained with CTS achieves a 9.1% accuracy "
            "improvement.")
    named = [("GPQA", "Dataset", "GPQA"), ("Qwen2.5-14B-Instruct", "Model", "Qwen2.5-14B-Instruct"),
             ("CTS", "Method", "CTS"), ("accuracy", "Metric", "Accuracy")]
    assert [(r["value"], r["dataset"], r["subject"]) for r in run_with_entities(nlp, text, named)] == [
        (9.1, "GPQA", "Qwen2.5-14B-Instruct")]
    assert [r["subject"] for r in run_with_entities(nlp, text, named, proposed=["CTS"])] == ["CTS"]


def test_a_dataset_before_a_metric_is_the_place_not_a_baseline(nlp):
    """arXiv 2512.14954: 'improves GSM8K accuracy by more than 2%'."""
    text = ("Applied to distillation for mathematical reasoning, our approach improves GSM8K accuracy by more "
            "than 2% over the current state of the art.")
    results = run_with_entities(nlp, text, [("GSM8K", "Dataset", "GSM8K"), ("accuracy", "Metric", "Accuracy")])
    assert [(r["value"], r["metric"], r["dataset"]) for r in results] == [(2.0, "Accuracy", "GSM8K")]


def test_units_backbones_and_brackets_from_random_2025_abstracts(nlp):
    """A metric inside the bracket makes a score ('superior performance (84.34% accuracy)'), a name
    before 'backbone' is no dataset, FLOPs is a metric, and '6 times' is no part of the metric's name."""
    superior = ("Our experiments demonstrate that image-based classifiers achieve superior performance "
                "(84.34\\% accuracy) compared to more complex temporal models.")
    assert [(r["value"], r["kind"], r["metric"]) for r in run_with_entities(
        nlp, superior, [("accuracy", "Metric", "Accuracy")])] == [(84.34, "absolute", "Accuracy")]
    backbone = ("Notably, MTR reduces FLOPs by approximately 40\\% on the Vim-B backbone, with only a 1.6\\% drop "
                "in ImageNet performance without retraining.")
    results = run_with_entities(nlp, backbone, [("MTR", "Method", "MTR"), ("ImageNet", "Dataset", "ImageNet")])
    assert [(r["value"], r["kind"], r["metric"], r["dataset"]) for r in results] == [
        (40.0, "reduction", "FLOPS", None), (1.6, "reduction", None, "ImageNet")]
    kimi = ("Kimi Linear outperforms full MLA, while reducing KV cache usage by up to 75% and achieving up to "
            "6 times decoding throughput for a 1M context.")
    assert [(r["value"], r["metric"]) for r in run_with_entities(nlp, kimi, [("Kimi", "Model", "Kimi")])] == [
        (75.0, "KV Cache Usage"), (6.0, "Decoding Throughput")]


def test_a_score_compared_for_a_method_is_that_methods(nlp):
    """arXiv 2504.03703: '99.14% for CAT-Net' after 'compared to' is CAT-Net's, on the sentence's
    dataset."""
    text = ("For the MIT-BIH dataset, our adapted HAN achieves 98.55% test accuracy compared to 99.14% for "
            "CAT-Net, while reducing the number of model parameters by a factor of 15.6.")
    named = [("MIT-BIH", "Dataset", "MIT-BIH"), ("HAN", "Method", "HAN"), ("test accuracy", "Metric", "Accuracy"),
             ("CAT-Net", "Method", "CAT-Net")]
    results = run_with_entities(nlp, text, named, proposed=["HAN"])
    assert [(r["value"], r["dataset"], r["subject"]) for r in results][:2] == [
        (98.55, "MIT-BIH", "HAN"), (99.14, "MIT-BIH", "CAT-Net")]


def test_a_metric_in_brackets_and_datasets_listed_before_the_numbers(nlp):
    """Random 2025 abstract sentences: '+19.01% (ARI), +16.85% (NMI)' name their metrics in
    brackets; 'on MATH-500, AIME and GPQA-Diamond it shows 2.08%, 2.23% and 3.99%' pairs in order
    without 'respectively'; 'GPT-4 (F1 score: 29.08)' is GPT-4's."""
    text = ("Cluster consistency is improved by +19.01% (ARI), +16.85% (NMI), and +12.39% (Dice) compared to "
            "the entangled representation.")
    named = [(m, "Metric", m) for m in ("ARI", "NMI", "Dice")]
    assert [(r["value"], r["metric"]) for r in run_with_entities(nlp, text, named)] == [
        (19.01, "ARI"), (16.85, "NMI"), (12.39, "Dice")]
    text = ("In particular, on MATH-500, AIME and GPQA-Diamond it shows 2.08%, 2.23% and 3.99% improvements over "
            "the vanilla-GRPO baseline.")
    named = [(d, "Dataset", d) for d in ("MATH-500", "AIME", "GPQA-Diamond")]
    assert [(r["value"], r["dataset"]) for r in run_with_entities(nlp, text, named)] == [
        (2.08, "MATH-500"), (2.23, "AIME"), (3.99, "GPQA-Diamond")]
    text = ("Recent results from the Corr2Cause dataset benchmark reveal that state-of-the-art LLMs -- such as "
            "GPT-4 (F1 score: 29.08) -- only marginally outperform random baselines.")
    named = [("Corr2Cause", "Dataset", "Corr2Cause"), ("GPT-4", "Model", "GPT-4"), ("F1 score", "Metric", "F1")]
    assert [(r["value"], r["metric"], r["dataset"], r["subject"]) for r in run_with_entities(nlp, text, named)] == [
        (29.08, "F1", "Corr2Cause", "GPT-4")]


def test_a_baselines_bracketed_score_a_lead_at_a_score_and_a_count_after_a_score(nlp):
    """Random 2025 sentences: 'outperforming transformer baselines (1.3%)' is the baselines' score,
    not a gain; 'ahead at 97.17% accuracy' is a score (only a metric before 'at' makes a setting);
    '1.22 million parameters' after '1.09 GFLOPs' is a count."""
    tree = ("Experimental results demonstrate that TreeGPT achieves 96\\% accuracy, significantly outperforming "
            "transformer baselines (1.3\\%), large-scale models like Grok-4 (15.9\\%).")
    results = run_with_entities(nlp, tree, [("TreeGPT", "Method", "TreeGPT"), ("accuracy", "Metric", "Accuracy"),
                                            ("Grok-4", "Model", "Grok-4")])
    assert [(r["value"], r["kind"]) for r in results] == [(96.0, "absolute"), (1.3, "absolute"), (15.9, "absolute")]
    ahead = "On the validation dataset, MobileNetV2 is slightly ahead at 97.17% accuracy versus ViT 96.36%."
    assert [r["value"] for r in run_with_entities(nlp, ahead, [("accuracy", "Metric", "Accuracy")])] == [
        97.17, 96.36]
    count = ("Computational analysis confirmed its efficiency, with 1.09 GFLOPs, 1.22 million parameters, and an "
             "inference speed of 41.11 FPS.")
    assert [r["value"] for r in run_with_entities(nlp, count, [])] == [1.09, 41.11]


def test_datasets_in_brackets_after_a_metric_after_in_and_beside_a_named_year(nlp):
    """arXiv 2507.02378, 2506.00088: '2.4% (HumanEval) and 2.3% (MBPP)'; 'improvement in AUC-ROC on
    the True-False dataset' (the place after the metric); the year of 'AIME 2024' is no number
    standing between the listed benchmarks and a result, which is their average, no one's."""
    text = ("Experimental results demonstrate that using only 10K samples, our method achieves gains of 2.4% "
            "(HumanEval) and 2.3% (MBPP) over 92K full-sampled baseline.")
    named = [("HumanEval", "Dataset", "HumanEval"), ("MBPP", "Dataset", "MBPP")]
    assert [(r["value"], r["dataset"]) for r in run_with_entities(nlp, text, named)] == [
        (2.4, "HumanEval"), (2.3, "MBPP")]
    text = ("The experiments demonstrate the effectiveness of HD-NDEs, achieving over 14% improvement in AUC-ROC on "
            "the True-False dataset compared to state-of-the-art techniques.")
    named = [("HD-NDEs", "Method", "HD-NDEs"), ("AUC-ROC", "Metric", "AUROC")]
    assert [(r["value"], r["metric"], r["dataset"]) for r in run_with_entities(nlp, text, named)] == [
        (14.0, "AUROC", "True-False")]
    text = "Across three benchmarks (GSM8K, MATH and AIME 2024), our method improves accuracy by 4.2% on average."
    named = [(d, "Dataset", d) for d in ("GSM8K", "MATH", "AIME 2024")]
    assert [(r["value"], r["dataset"]) for r in run_with_entities(nlp, text, named)] == [(4.2, None)]
    text = "Our model reaches GSM8K: 85.3%, MATH: 60.1%."
    named = [("GSM8K", "Dataset", "GSM8K"), ("MATH", "Dataset", "MATH")]
    assert [(r["value"], r["dataset"], r["subject"]) for r in run_with_entities(nlp, text, named)] == [
        (85.3, "GSM8K", None), (60.1, "MATH", None)]


def test_respectively_pairs_with_the_papers_datasets_named_in_an_earlier_sentence(nlp):
    """The datasets of a 'respectively' list are often named in the sentence before; when the paper
    uses exactly as many and the sentence names no dataset or systems to pair, they pair in order."""
    results = extract(nlp, "We evaluate on GSM8K and MATH. Our model achieves 85.3% and 60.1% accuracy, "
                           "respectively.")
    assert [(r.value, r.dataset) for r in results] == [(85.3, "GSM8K"), (60.1, "MATH")]


def test_points_of_a_cloud_and_a_metric_at_a_decimal_threshold(nlp):
    """Random 2025 sentences: 'inputs with as few as 300 points' counts points, not score points;
    'a best mAP@0.50 of 0.559' is a score of the metric with its threshold."""
    text = "LiteGE remains robust on sparse point clouds, supporting inputs with as few as 300 points."
    assert run_with_entities(nlp, text, [("LiteGE", "Method", "LiteGE")]) == []
    text = "Overall detection quality is strong, with a best mAP@0.50 of 0.559."
    assert [(r["value"], r["metric"]) for r in run_with_entities(nlp, text, [])] == [(0.559, "mAP@0.50")]


def test_a_score_continued_across_places_a_lower_bound_and_fid_variants(nlp):
    """arXiv 2025 abstracts: the second AUROC was lost after "across ... and"; "SSIM values above
    0.92" is a score; gFID (FID of generated samples) is a metric, not a method."""
    text = ("Without any task-specific training, ReVision achieves zero-shot disease detection with an "
            "average AUROC of 0.946 across 12 public benchmarks and 0.952 on 3 independent clinical cohorts.")
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [(0.946, "AUROC"), (0.952, "AUROC")]
    text = ("The proposed method achieved high performance with PSNR values exceeding 34 dB and SSIM values "
            "above 0.92 for all synthesized parameter maps.")
    assert (0.92, "absolute", "SSIM") in [(r.value, r.kind, r.metric) for r in extract(nlp, text)]
    text = "SimFlow achieves an improved gFID of 1.91, setting a new state of the art among NFs."
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [(1.91, "gFID")]


def test_a_metric_over_an_iou_range_is_one_name(nlp):
    """arXiv 2025: "mAP@[0.5:0.95] of 0.421" gave no result (the range's colon and bracket cut the
    clause before the metric), and "mAP@0.5:0.95" reported its 0.95 as a score."""
    text = ("AquaFeat achieves state-of-the-art Precision (0.877) and Recall (0.624), along with competitive "
            "mAP scores (mAP@0.5 of 0.677 and mAP@[0.5:0.95] of 0.421).")
    assert [(r.value, r.metric) for r in extract(nlp, text)][-1] == (0.421, "mAP@[0.5:0.95]")
    assert [(r.value, r.metric) for r in extract(nlp, "It reaches mAP@0.5:0.95 of 0.421 on the test set.")] == [
        (0.421, "mAP@0.5:0.95")]
    assert [(r.value, r.metric) for r in extract(nlp, "The detector reaches mAP@50 of 0.816 and mAP@50-95 of 0.52.")] \
        == [(0.816, "mAP50"), (0.52, "mAP@50-95")]


def test_a_metric_named_by_its_long_form_and_a_bracketed_acronym(nlp):
    """arXiv 2025: "mean Intersection over Union (mIoU) of 0.884" and "Structural Similarity Index
    Measure (SSIM) of 0.6156" gave no result; the evidence starts at the long form."""
    text = ("Performance of trained models positively compares to state of the art with multi-class "
            "Panoptic Quality (mPQ) of 0.569 for nucleus segmentation, macro-averaged F1 of 0.832 for "
            "nucleus classification and mean Intersection over Union (mIoU) of 0.884 for tumor region "
            "segmentation.")
    assert [(r.value, r.metric) for r in extract(nlp, text)][-1] == (0.884, "mIoU")
    text = "The model also achieved Structural Similarity Index Measure (SSIM) of 0.6156 for NDWI."
    assert [(r.value, r.metric, r.evidence) for r in extract(nlp, text)] == [
        (0.6156, "SSIM", "Structural Similarity Index Measure (SSIM) of 0.6156")]


def test_ranges_bounds_and_concordance(nlp):
    """arXiv 2025: "ranged from", "was >= ", "a CCC of" gave no results."""
    text = ("It achieved an F1-score of 0.939, sensitivity ranged from 0.917-0.992, and specificity was "
            ">= 0.978 in identifying specific crisis categories.")
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [
        (0.939, "F1"), (0.917, "Sensitivity"), (0.992, "Sensitivity"), (0.978, "Specificity")]
    text = "SOC obtained a MAE of 5.12 g/kg and a CCC of 0.77."
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [(5.12, "MAE"), (0.77, "CCC")]


def test_changes_in_the_present_tense_and_measures_named_in_brackets(nlp):
    """arXiv 2025: "FID improves from 5.10 to 2.78", "kappa-scores falling from 0.54" and "(PSNR) of
    28.66 dB" gave no results."""
    text = ("EVODiff reduces the reconstruction error by up to 45.5% (FID improves from 5.10 to 2.78) at 10 "
            "function evaluations on CIFAR-10.")
    assert [(r.value, r.metric) for r in extract(nlp, text)][1:] == [(5.1, "FID"), (2.78, "FID")]
    text = "Median Cohen's kappa-scores falling from 0.54 across all categories."
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [(0.54, "Cohen's Kappa")]
    text = ("The model achieved the lowest mean absolute error (MAE) of 74.49 HU and highest peak "
            "signal-to-noise ratio (PSNR) of 28.66 dB within the body contour region.")
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [(74.49, "MAE"), (28.66, "PSNR")]


def test_a_metric_after_in_is_no_place_and_coordinated_scores_share_theirs(nlp):
    """arXiv 2025: "13.1% in R@1 ... on the popular ActivityNet-VRL dataset" tied no dataset;
    "92.81% accuracy and 92.47% F1-score on the HAM10000 dataset, 97.83% accuracy and ..." gave the
    first score of each pair the dataset of the pair before."""
    text = ("Extensive experiments demonstrate that MATR achieves notable performance improvements of 13.1% "
            "in R@1 and 8.1% in mIoU on an absolute scale compared to state-of-the-art methods on the popular "
            "ActivityNet-VRL dataset.")
    assert [r.dataset for r in extract(nlp, text)] == ["ActivityNet-VRL", "ActivityNet-VRL"]
    text = ("Our approach demonstrates 92.81% accuracy and 92.47% F1-score on the HAM10000 dataset, 97.83% "
            "accuracy and 97.83% F1-score on the PAD-UFES dataset, and 91.17% accuracy with 91.79% F1-score "
            "on the BCN20000 dataset.")
    assert [r.dataset for r in extract(nlp, text)] == ["HAM10000"] * 2 + ["PAD-UFES"] * 2 + ["BCN20000"] * 2


def test_scores_in_the_bracket_after_a_system_are_all_its_own(nlp):
    """arXiv 2025: the second score in "gpt-5 (75.3% Weighted F1-score and 76.2% accuracy)" had no
    subject."""
    text = ("The best-performing model was o3, followed closely by gpt-5 (75.3% Weighted F1-score and "
            "76.2% accuracy).")
    assert [(r.value, r.subject) for r in extract(nlp, text)] == [(75.3, "GPT-5"), (76.2, "GPT-5")]


def test_j_and_f_is_a_metric_and_a_speed_up_a_ratio(nlp):
    """arXiv 2511.16618 and 2512.16465 (corpus): the video segmentation measure J&F, in LaTeX too,
    was a Method and its scores were lost; "a speed up of 3.09x" was no ratio."""
    text = ("SA-SV enables substantial performance gains, with SAM2 improving by 12.99 average "
            "$\\mathcal{J}$\\&$\\mathcal{F}$ over vanilla SAM2. Our tracker reaches 85.3 J&F on DAVIS 2017.")
    assert [(r.value, r.kind, r.metric) for r in extract(nlp, text)] == [
        (12.99, "improvement", "J&F"), (85.3, "absolute", "J&F")]
    text = ("The kernels generated by cuPilot achieve an average speed up of 3.09$\\times$ over PyTorch on a "
            "benchmark of 100 kernels.")
    assert found(nlp, text) == [(3.09, "x", "improvement")]


def test_measures_of_medicine_serving_and_finance_are_metrics(nlp):
    """arXiv 2512.04013, 2511.14083, 2512.22895, 2512.03449 (corpus): TTFT and ICC were Methods, and
    HD95 took the scores of ASSD, which no catalogue listed."""
    text = "AugServe reduces time-to-first-token (TTFT) by up to 96.3% and 95.0%, respectively."
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [(96.3, "TTFT"), (95.0, "TTFT")]
    text = ("Agreement with manual annotation was high (intraclass correlation coefficient (ICC) 0.84), and "
            "the strategy raised the Sharpe ratio by 5%.")
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [(0.84, "ICC"), (5.0, "Sharpe Ratio")]
    text = "Post-processing improved macro ASSD from 2.63 to 0.36 mm, with a HD95 of 3.35 mm."
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [(2.63, "ASSD"), (0.36, "ASSD"), (3.35, "HD95")]
    # arXiv 2507.22932 (40k corpus): the return took the Sharpe ratio beside it
    text = "The framework achieves a 26% annualized return and a Sharpe ratio of 1.2."
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [(26.0, "Annualized Return"), (1.2, "Sharpe Ratio")]
    # arXiv 2511.23369 and 2511.20409 (corpus): a driving score and an edit distance the NER called Methods
    text = "SimScale yields up to +6.8 EPDMS on navhard, and the transcripts reach an ANLD = 0.14."
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [(6.8, "EPDMS"), (0.14, "ANLD")]


def test_numbers_after_by_pair_in_order_with_the_measures_listed_before_it(nlp):
    """arXiv 2511.10518 (corpus): "reducing training cost and inference latency by 3.0-fold and 2.7-fold"
    tied both to latency; a range stays with both measures' nearest."""
    text = ("SemanticVLA reduces training cost and inference latency by 3.0-fold and 2.7-fold on LIBERO.")
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [(3.0, "Training Cost"), (2.7, "Inference Latency")]
    text = "It improves BLEU and ROUGE-L by 2.1% and 3.4% over the previous best method."
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [(2.1, "BLEU"), (3.4, "ROUGE-L")]


def test_a_preposition_starts_no_metric_phrase(nlp):
    """Train ax0285: "MAE of 0.926 against expert scores" tied the metric "Against Expert Score"."""
    text = ("It achieves a low Mean Absolute Error (MAE) of 0.926 against expert scores, significantly "
            "outperforming naive baselines.")
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [(0.926, "MAE")]


def test_a_change_takes_the_place_named_right_before_it(nlp):
    # corpus paper 2507.19766: the first change took the place of the second
    text = ("RL training with 128k-token outputs improves the model's performance on AIME2025 from 70.9% to "
            "85.1% and on BeyondAIME from 50.7% to 61.9%.")
    assert [(r.value, r.dataset) for r in extract(nlp, text)] == [
        (70.9, "AIME 2025"), (85.1, "AIME 2025"), (50.7, "BeyondAIME"), (61.9, "BeyondAIME")]
    # the next change is read past a resolution between ("CelebA-HQ 256")
    text = "Our method reduces the FID on CIFAR-10 from 3.17 to 2.10 and on CelebA-HQ 256 from 5.11 to 4.02."
    assert [(r.value, r.metric, r.dataset) for r in extract(nlp, text)] == [
        (3.17, "FID", "CIFAR-10"), (2.1, "FID", "CIFAR-10"), (5.11, "FID", "CelebA-HQ"), (4.02, "FID", "CelebA-HQ")]
    # ... and past the change verb between ("Perplexity on WikiText-103 drops from")
    text = "Perplexity on WikiText-103 drops from 18.3 to 16.9, and on PTB from 55.2 to 52.8."
    assert [(r.value, r.dataset) for r in extract(nlp, text)] == [
        (18.3, "WikiText-103"), (16.9, "WikiText-103"), (55.2, "PTB"), (52.8, "PTB")]


def test_frames_per_second_is_a_measure_of_speed(nlp):
    # corpus paper 2512.05669: the catalogue's FPS, spelled out
    text = ("The approach demonstrated real-time applicability, processing approximately 165 frames per second on "
            "consumer-grade hardware.")
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [(165.0, "FPS")]


def test_the_rivals_bracketed_score_keeps_the_metric_past_a_bracket_and_after_rivaling(nlp):
    # corpus paper 2512.11485: the gain's bracket comes between the score and the rivals'
    text = ("On KaggleDBQA (Qwen3-8B), MNL hits 28% accuracy (47% relative gain), outperforming Memento (15.1%) "
            "and Training-Free GRPO (22.1).")
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [
        (28.0, "Accuracy"), (47.0, "Accuracy"), (15.1, "Accuracy"), (22.1, "Accuracy")]
    text = "Our 7B model attains 58.2% pass@1 on LiveCodeBench, rivaling o1-mini (57.1%) at a fraction of the cost."
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [(58.2, "pass@1"), (57.1, "pass@1")]


def test_an_acronym_right_after_a_score_is_its_metric(nlp):
    # corpus papers 2507.19239 and 2511.17150: AMOTA and SR, unknown to the catalogue, name the scores
    # before them; the NER's Method mentions of them become Metric mentions
    text = ("Specifically, it attains state-of-the-art results on V2X-Seq, with 39.0% mAP and 32.8% AMOTA. "
            "Our model achieves 87.1 DS along with 71.4 SR on Bench2Drive.")
    assert [(r.value, r.metric) for r in extract(nlp, text)] == [
        (39.0, "mAP"), (32.8, "AMOTA"), (87.1, "DS"), (71.4, "SR")]
    [extraction] = extract_papers([Paper(id="t", title="", abstract=text)], nlp)
    assert {(e.text, e.type) for e in extraction.entities if e.text in ("AMOTA", "SR")} == {
        ("AMOTA", "Metric"), ("SR", "Metric")}


@pytest.mark.parametrize("text", [
    # an interval, a unit, hardware, a model's version, a camel-case name, a metric's modifier
    "COPE achieved an MAE of 1.01 (95% CI 0.92-1.11).",
    "The final model size is only 2.0 MB and it reaches 97% GPU utilization.",
    "Qwen 2.5 VL reaches 61.2% accuracy.",
    "It achieves 48.5% AndroidWorld and 62.6% ScreenShot-Pro.",
    "MinerU-HTML achieves 81.8% ROUGE-N F1 on MainWebBench.",
])
def test_no_metric_from_a_unit_an_interval_a_device_or_a_name_after_a_score(nlp, text):
    assert not any(r.metric in ("CI", "MB", "GPU", "VL", "AndroidWorld", "ScreenShot-Pro", "ROUGE-N")
                   for r in extract(nlp, text))


def test_au_pro_is_a_metric(nlp):
    # corpus paper 2512.15326: the NER called AU-PRO a Dataset, and the score before it went to AU-ROC
    text = ("MRKD achieves impressive performance: image-level 98.9% AU-ROC, pixel-level 98.4% AU-ROC, and "
            "95.3% AU-PRO.")
    assert [(r.value, r.metric, r.dataset) for r in extract(nlp, text)] == [
        (98.9, "AU-ROC", None), (98.4, "AU-ROC", None), (95.3, "AU-PRO", None)]
