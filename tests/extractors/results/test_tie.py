"""Tying numbers to the metric, dataset and subject of their sentence, on plain strings."""

from __future__ import annotations

import pytest

from extractors.results.scan import NumberScanner
from extractors.results.tie import Tie, Tying, respectively_end
from extractors.results.types import NO_PAPER_CONTEXT, Entity, PaperContext


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


def test_the_dataset_a_sentence_opens_with_holds_until_another_is_named(scanner, tying):
    """2025 corpus sentences: the nearer dataset named after the number is the next clause's place."""
    text = ("On the Synapse dataset, GCA-ResUNet achieves a Dice score of 86.11%, and on the ACDC dataset, "
            "it reaches 92.64%, surpassing several state-of-the-art baselines.")
    found = entities(text, ("Synapse", "Dataset", "Synapse"), ("GCA-ResUNet", "Method", "GCA-ResUNet"),
                     ("Dice score", "Metric", "Dice"), ("ACDC", "Dataset", "ACDC"))
    assert [[t.dataset for t in group] for group in ties(scanner, tying, text, found)] == [["Synapse"], ["ACDC"]]
    text = ("On MADRAS, it reduces the average collision rate of strong baselines from 2.14 to 0.03 percent, "
            "and on SDD it attains zero collisions while improving ADE, FDE, and minFDE.")
    found = entities(text, ("MADRAS", "Dataset", "MADRAS"), ("SDD", "Dataset", "SDD"))
    assert {t.dataset for group in ties(scanner, tying, text, found) for t in group} == {"MADRAS"}


def test_a_possessive_system_owns_the_numbers_after_it(scanner, tying):
    # arXiv 2505.20155 and 2508.13101
    text = "Pangu Light-32B's 81.6 average score exceeds Qwen3-32B's 80.9 average score."
    found = entities(text, ("Pangu Light-32B", "Model", "Pangu-Light-32B"), ("Qwen3-32B", "Model", "Qwen3-32B"))
    assert subjects(scanner, tying, text, found) == [["Pangu-Light-32B"], ["Qwen3-32B"]]
    text = "RT-DETR-X achieves a mAP@50-95 of 0.612, compared to the RT-DETR-L model's 0.810 and 0.606, respectively."
    found = entities(text, ("RT-DETR-X", "Method", "RT-DETR-X"), ("RT-DETR-L", "Method", "RT-DETR-L"))
    assert subjects(scanner, tying, text, found) == [["RT-DETR-X"], ["RT-DETR-L"] * 2]


def subjects(scanner, tying, text: str, found: list[Entity]) -> list[list[str | None]]:
    """The subject of every member of every group, unitless ones too."""
    groups, numbers = scanner.scan(text)
    sentence = tying.read(text, found, NO_PAPER_CONTEXT, numbers)
    return [[t.subject for t in sentence.tie(group)] for group in groups]


def test_the_next_clauses_subject_ends_the_datasets_after_on(scanner, tying):
    # arXiv 2505.22135
    text = ("While a baseline achieves scores of 46.17 on GSM8K and 22.75 on CRUX, RAD achieves higher "
            "scores of 71.27 on GSM8K.")
    found = entities(text, ("GSM8K", "Dataset", "GSM8K"), ("CRUX", "Dataset", "CRUX"), ("RAD", "Method", "RAD"))
    groups, numbers = scanner.scan(text)
    sentence = tying.read(text, found, NO_PAPER_CONTEXT, numbers)
    assert [[t.dataset for t in sentence.tie(group)] for group in groups] == [["GSM8K"], ["CRUX"], ["GSM8K"]]


def test_an_unrecognised_name_after_on_is_the_dataset_not_the_one_before(scanner, tying):
    text = "On GSM8K our model is strong, reaching 76.28% on AQuA."
    found = entities(text, ("GSM8K", "Dataset", "GSM8K"))
    assert [[t.dataset for t in group] for group in ties(scanner, tying, text, found)] == [["AQuA"]]
    text = "On GSM8K our model is strong, reaching 76.28% on LLaMA2 7b."
    assert [[t.dataset for t in group] for group in ties(scanner, tying, text, found)] == [[None]]  # a model


def test_a_lower_case_dataset_after_on_is_no_adjective(scanner, tying):
    text = "The model reaches 1.2% error on enwik8 and 4.5% on the neuromorphic text8 dataset."
    found = entities(text, ("enwik8", "Dataset", "enwik8"), ("text8", "Dataset", "text8"))
    assert [[t.dataset for t in group] for group in ties(scanner, tying, text, found)] == [
        ["enwik8"], ["text8"]]


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
    [listed] = scanner.scan(text)[0]
    assert respectively_end(text, listed) == text.index(", on it")
    single = "ChatGPT scores 60%, respectively."
    assert respectively_end(single, scanner.scan(single)[0][0]) is None


# --- the structure of the sentence (arXiv 2025 train papers unless said otherwise) -------------------

def tied(scanner, tying, text: str, found: list[Entity], paper: PaperContext = NO_PAPER_CONTEXT) -> list[Tie]:
    """Every group's ties in order, each tied after the one before (as the reader does)."""
    groups, numbers = scanner.scan(text)
    sentence = tying.read(text, found, paper, numbers)
    out, previous = [], None
    for group in groups:
        ties_ = sentence.tie(group, previous)
        out += ties_
        previous = (group, ties_)
    return out


def test_the_subject_is_the_system_that_acts_not_the_nearest(scanner, tying):
    # ax0176: RAG is what R3 improves
    text = ("Extensive experiments across diverse tasks demonstrate that R3 improves RAG performance by 5.2% "
            "over the original retriever and surpasses state-of-the-art retrievers by 4.9%.")
    found = entities(text, ("R3", "Method", "R3"), ("RAG", "Method", "RAG"))
    assert [t.subject for t in tied(scanner, tying, text, found)] == ["R3", "R3"]


def test_an_instrument_is_no_subject_unless_it_acts(scanner, tying):
    # ax0187: J4R is trained with EIS-GRPO; ax0026: "with DeepSeek-R1 scoring 71.46" is DeepSeek-R1's
    text = ("We train Judge for Reasoning (J4R), a 7B judge trained with EIS-GRPO that outperforms GPT-4o "
            "and the next best small judge by 6.7% and 9%.")
    found = entities(text, ("J4R", "Method", "J4R"), ("EIS-GRPO", "Method", "EIS-GRPO"), ("GPT-4o", "Model", "GPT-4o"))
    assert {t.subject for t in tied(scanner, tying, text, found)} == {"J4R"}
    text = ("In Information Extraction, the performance spread is the largest, with DeepSeek-R1 scoring 71.46, "
            "while Qwen3-1.7B scores 11.23.")
    found = entities(text, ("DeepSeek-R1", "Model", "DeepSeek-R1"), ("Qwen3-1.7B", "Model", "Qwen3-1.7B"))
    assert [t.subject for t in tied(scanner, tying, text, found)] == ["DeepSeek-R1", "Qwen3-1.7B"]


def test_from_a_to_b_the_old_number_is_the_baselines(scanner, tying):
    # ax0175: 14.4% is AsFT's harmful score, 3.6% GuardSpace's; GSM8K scopes the sentence
    text = ("Notably, for Llama-2-7B-Chat fine-tuned on GSM8K, GuardSpace outperforms the state-of-the-art "
            "method AsFT, reducing the average harmful score from 14.4% to 3.6%, while improving the accuracy "
            "from 26.0% to 28.0%.")
    found = entities(text, ("Llama-2-7B-Chat", "Model", "Llama-2-7B-Chat"), ("GSM8K", "Dataset", "GSM8K"),
                     ("GuardSpace", "Method", "GuardSpace"), ("AsFT", "Dataset", "AsFT"),
                     ("accuracy", "Metric", "Accuracy"))
    assert tied(scanner, tying, text, found) == [
        Tie("Harmful Score", "GSM8K", "AsFT"), Tie("Harmful Score", "GSM8K", "GuardSpace"),
        Tie("Accuracy", "GSM8K", "AsFT"), Tie("Accuracy", "GSM8K", "GuardSpace")]


def test_a_score_in_brackets_after_a_system_is_that_systems(scanner, tying):
    # ax0391: the baselines' scores, on the same dataset and metric as the score they are compared with
    text = ("Leveraging MindSpore's dynamic computational graph and operator fusion, MAAM achieves 87.0% accuracy "
            "on the CIFAR-10 dataset, significantly outperforming conventional CNN (58.3%) and MLP (49.6%) models, "
            "while improving training efficiency by 30%.")
    found = entities(text, ("MAAM", "Method", "MAAM"), ("accuracy", "Metric", "Accuracy"),
                     ("CIFAR-10", "Dataset", "CIFAR-10"), ("CNN", "Method", "CNN"), ("MLP", "Method", "MLP"))
    assert tied(scanner, tying, text, found) == [
        Tie("Accuracy", "CIFAR-10", "MAAM"), Tie("Accuracy", "CIFAR-10", "CNN"), Tie("Accuracy", "CIFAR-10", "MLP"),
        Tie("Training Efficiency", "CIFAR-10", "MAAM")]


def test_our_method_it_and_unnamed_subjects_are_the_papers_proposal(scanner, tying):
    # ax0330, ax0384: "it improves", "our RL approach achieves"; a generic subject is somebody else
    paper = PaperContext(("ADAT",))
    assert [t.subject for t in tied(scanner, tying, "In sign-to-text experiments, it improves accuracy by 8.7%.",
                                    [], paper)] == ["ADAT"]
    text = "Building on the DeepSeek-R1-Distill model series, our RL approach achieves notable gains of 15.0%."
    found = entities(text, ("DeepSeek-R1-Distill", "Model", "DeepSeek-R1-Distill"),
                     ("RL", "Method", "Reinforcement Learning"))
    assert [t.subject for t in tied(scanner, tying, text, found, PaperContext(("Skywork-OR1",)))] == ["Skywork-OR1"]
    assert [t.subject for t in tied(scanner, tying, "The method reduces memory requirements by up to 20%.", [],
                                    PaperContext(("SUMO",)))] == ["SUMO"]
    text = "First, even the strongest model shows 97.5% agent win rates."  # ax0415
    assert [t.subject for t in tied(scanner, tying, text, [], PaperContext(("PublicAgent",)))] == [None]


def test_respectively_pairs_a_coordinated_list_even_typed_otherwise(scanner, tying):
    # ax0298: STAR-QA was typed Method; "datasets" makes both names datasets
    text = ("Evaluation results show that Grid-LoGAT, using the open-source VLM (LLaVA-1.6-7B) and LLM "
            "(Llama-3.1-8B), outperforms state-of-the-art methods with similar baseline models on NExT-QA and "
            "STAR-QA datasets with an accuracy of 65.9% and 50.11% respectively.")
    found = entities(text, ("Grid-LoGAT", "Method", "Grid-LoGAT"), ("LLaVA-1.6-7B", "Model", "LLaVA-1.6-7B"),
                     ("Llama-3.1-8B", "Model", "Llama-3.1-8B"), ("NExT-QA", "Dataset", "NExT-QA"),
                     ("STAR-QA", "Method", "STAR-QA"), ("accuracy", "Metric", "Accuracy"))
    assert tied(scanner, tying, text, found) == [Tie("Accuracy", "NExT-QA", "Grid-LoGAT"),
                                                 Tie("Accuracy", "STAR-QA", "Grid-LoGAT")]


def test_datasets_named_by_their_head_or_after_on(scanner, tying):
    # ax0110: RLAIF-V typed Method; ax0471: Causal Judgement never found; the issue's WMT'14 example
    text = ("Experiments on the RLAIF-V dataset show that pLoRA improves client-specific performance by 24.5% "
            "over standard LoRA.")
    found = entities(text, ("RLAIF-V", "Method", "RLAIF-V"), ("pLoRA", "Method", "pLoRA"))
    found.append(Entity(text.rindex("LoRA"), text.rindex("LoRA") + 4, "Method", "LoRA"))
    assert tied(scanner, tying, text, found) == [Tie(None, "RLAIF-V", "pLoRA")]
    text = ("It shows particular strength in complex reasoning tasks, with +35.6 improvement on Multistep "
            "Arithmetic and +37.06 on Causal Judgement over SFT.")
    found = entities(text, ("Multistep Arithmetic", "Method", "Multistep Arithmetic"), ("SFT", "Method", "SFT"))
    assert [t.dataset for t in tied(scanner, tying, text, found)] == ["Multistep Arithmetic", "Causal Judgement"]
    text = "The Transformer reaches 35 BLEU on the WMT'14 English-German test set."
    found = entities(text, ("Transformer", "Method", "Transformer"))
    assert tied(scanner, tying, text, found) == [Tie("BLEU", "WMT'14 English-German", "Transformer")]


def test_a_dataset_after_the_next_coordinated_number_is_shared(scanner, tying):
    # ax0330
    text = "In sign-to-text experiments, it improves accuracy by 8.7% and reduces training time by 2.8% on PHOENIX14T."
    found = entities(text, ("PHOENIX14T", "Dataset", "PHOENIX14T"))
    assert tied(scanner, tying, text, found) == [Tie("Accuracy", "PHOENIX14T", None),
                                                 Tie("Training Time", "PHOENIX14T", None)]


def test_a_sentence_naming_no_dataset_takes_the_papers_only_one(scanner, tying):
    text = "Float8 quantization achieves a 4x storage reduction."  # ax0048, a paper evaluated on MTEB only
    assert [t.dataset for t in tied(scanner, tying, text, [], PaperContext((), ("MTEB",)))] == ["MTEB"]
    assert [t.dataset for t in tied(scanner, tying, text, [], PaperContext((), ("MTEB", "BEIR")))] == [None]


def test_metrics_in_the_slot_of_a_change_and_next_to_the_number(scanner, tying):
    # ax0138, ax0385, ax0092: no Metric mention needed
    assert [t.metric for t in tied(scanner, tying, "Evo-MARL reduces attack success rates by up to 22%.", [])] == [
        "Attack Success Rate"]
    text = "Its refinement module is effective, lowering the crash rate from 46.9% to 6.3%."
    assert [t.metric for t in tied(scanner, tying, text, [])] == ["Crash Rate", "Crash Rate"]
    text = "The results are above 98 % for F-measure and 99 % for accuracy."
    assert [t.metric for t in tied(scanner, tying, text, [])] == ["F1", "Accuracy"]  # the gazetteer's name


def test_a_metric_word_stands_alone_unless_the_gazetteer_knows_more(scanner, tying):
    # ax0109: diagnostic accuracies are accuracies; ax0233: Balanced Accuracy is a metric of its own
    text = ("In the CheXpert dataset, ChatGPT and Claude achieved diagnostic accuracies of 62.8% and 76.9%, "
            "respectively.")
    found = entities(text, ("CheXpert", "Dataset", "CheXpert"), ("ChatGPT", "Model", "ChatGPT"),
                     ("Claude", "Model", "Claude"))
    assert tied(scanner, tying, text, found) == [Tie("Accuracy", "CheXpert", "ChatGPT"),
                                                 Tie("Accuracy", "CheXpert", "Claude")]
    assert [t.metric for t in tied(scanner, tying, "It reaches a Balanced Accuracy of 80.52%.", [])] == [
        "Balanced Accuracy"]


def test_a_relative_clause_gives_the_baseline_its_score(scanner, tying):
    # corpus paper 2510.13137: "LSTMs, which maintain 86.7%" is the compared system's score, not the 3D CNNs'
    text = ("Experimental results demonstrate that 3D CNNs achieve 92.4% recognition accuracy but require 3.2% more "
            "processing time per frame compared to LSTMs, which maintain 86.7% accuracy with lower resource use.")
    found = entities(text, ("3D CNNs", "Method", "3D CNN"), ("LSTMs", "Method", "LSTM"))
    assert [t.subject for t in tied(scanner, tying, text, found)] == ["3D CNN", "3D CNN", "LSTM"]


def test_a_catalogued_acronym_of_the_whole_phrase_is_the_metric(scanner, tying):
    # arXiv 2510.13630: Average Precision is AP, not Precision, wherever the modifier stands
    text = ("Experimental evaluations demonstrate that AVAR-Net achieves 89.29% accuracy on VAAR and 88.56% "
            "Average Precision on the XD-Violence dataset.")
    found = entities(text, ("accuracy", "Metric", "Accuracy"), ("Average Precision", "Metric", "AP"))
    assert [t.metric for t in tied(scanner, tying, text, found)] == ["Accuracy", "AP"]
    text = "It reaches 85.3% average accuracy on the test set."
    found = entities(text, ("average accuracy", "Metric", "Average Accuracy"))
    assert [t.metric for t in tied(scanner, tying, text, found)] == ["Accuracy"]


def test_a_hyphenated_plural_metric_is_the_metric(scanner, tying):
    # "F1-scores" is in 62 abstracts of the 40k corpus
    text = "We report F1-scores of 0.81 and 0.77 on the two cohorts, respectively."
    assert [t.metric for t in tied(scanner, tying, text, [])] == ["F1", "F1"]


def test_metric_lists_pair_in_order(scanner, tying):
    # ax0331; ax0250: names before "metrics" are metrics
    text = ("PlantSegNeRF outperformed the commonly used methods, demonstrating an average improvement of 16.1%, "
            "18.3%, 17.8%, and 24.2% in precision, recall, F1-score, and IoU compared to the second-best results.")
    assert [t.metric for t in tied(scanner, tying, text, [])] == ["Precision", "Recall", "F1", "IoU"]
    text = ("Our approach achieves up to 15% and 4.35% improvements over traditional RAG baselines based on "
            "LLM-as-Judge and RAGAS metrics, respectively.")
    found = entities(text, ("RAG", "Method", "RAG"), ("LLM-as-Judge", "Method", "LLM-as-a-Judge"),
                     ("RAGAS", "Dataset", "RAGAS"))
    assert tied(scanner, tying, text, found) == [Tie("LLM-as-a-Judge", None, None), Tie("RAGAS", None, None)]


def test_numbers_after_for_are_no_metric_list(scanner, tying):
    # the bundled example corpus: a range is two numbers, and the next range no metric name
    text = ("Performance decreased (F1 scores between 0.35-0.44 for ASD, 0.15-0.66 for schizophrenia, "
            "and 0.38-0.52 macro F1).")
    metrics = {t.metric for t in tied(scanner, tying, text, [])}
    assert metrics <= {"F1", "Macro-F1"}, metrics


def test_tasks_listed_after_numbers_are_no_metrics(scanner, tying):
    # corpus 2507.19590 and 2508.00367: tasks after "for" or "in", paired with the numbers respectively,
    # were tied as their metrics; the numbers keep the measure named before them, or none.
    text = "T-MPEDNet achieves DSCs of 98.3% and 83.3% for liver and tumor segmentation, respectively."
    found = entities(text, ("T-MPEDNet", "Method", "T-MPEDNet"), ("tumor segmentation", "Task", "Tumor Segmentation"))
    assert [t.metric for t in tied(scanner, tying, text, found)] == ["DSC", "DSC"]
    text = "It obtains speedups of up to 5.5% and 4.4% in video-text retrieval and video QA, respectively."
    found = entities(text, ("video-text retrieval", "Task", "Video-text Retrieval"), ("video QA", "Task", "Video QA"))
    assert [t.metric for t in tied(scanner, tying, text, found)] == [None, None]


def test_a_name_written_in_mixed_case_is_no_metric_word(scanner, tying):
    # corpus 2510.08964: the benchmark DisTANCE read as the measure "distance"; "chrF" keeps its case.
    text = "PTS raises accuracy on DisTANCE from 8.0% to 64.7%."
    found = entities(text, ("PTS", "Method", "PTS"), ("DisTANCE", "Dataset", "DisTANCE"))
    assert [t.metric for t in tied(scanner, tying, text, found)] == ["Accuracy", "Accuracy"]
    text = "The fine-tuned model raises chrF++ scores from 0.5864 to 0.627."
    assert [t.metric for t in tied(scanner, tying, text, [])] == ["chrF", "chrF"]


def test_the_papers_datasets_pair_with_respectively_numbers_unless_metrics_do(scanner, tying):
    # corpus 2511.19768: "respectively" pairs the numbers with the metrics listed before them; the
    # paper's two datasets, named in another sentence, are no pairing of theirs
    paper = PaperContext((), ("OpenEQA", "EXPRESS-Bench"))
    text = "Our approach achieves relative improvements of up to 49% and 33% in SPL and LLM-Match metrics respectively."
    found = entities(text, ("SPL", "Metric", "SPL"), ("LLM-Match", "Metric", "LLM-Match"))
    assert [(t.metric, t.dataset) for t in tied(scanner, tying, text, found, paper)] \
        == [("SPL", None), ("LLM-Match", None)]
    text = "It reaches 85.3% and 60.1%, respectively."
    assert [t.dataset for t in tied(scanner, tying, text, [], paper)] == ["OpenEQA", "EXPRESS-Bench"]


def test_a_continued_number_keeps_the_metric_before_it(scanner, tying):
    # ax0198
    text = ("W2-Net significantly outperforms the state-of-the-art on the REC-8K dataset, reducing counting error "
            "by 22.5% (validation) and 18.0% (test), and improving localization F1 by 7% and 8%, respectively.")
    found = entities(text, ("W2-Net", "Method", "W2-Net"), ("REC-8K", "Dataset", "REC-8K"))
    assert tied(scanner, tying, text, found) == [
        Tie("Counting Error", "REC-8K", "W2-Net"), Tie("Counting Error", "REC-8K", "W2-Net"),
        Tie("F1", "REC-8K", "W2-Net"), Tie("F1", "REC-8K", "W2-Net")]


def test_scores_as_a_verb_names_no_metric(scanner, tying):
    text = "On the MMLU benchmark, our model scores 71.2%."
    found = entities(text, ("MMLU", "Dataset", "MMLU"))
    assert ties(scanner, tying, text, found) == [[Tie(None, "MMLU", None)]]


def test_a_device_after_on_is_no_dataset(scanner, tying):
    text = "The detector runs 35% faster on an RTX 3090."
    assert [[t.dataset for t in group] for group in ties(scanner, tying, text, [])] == [[None]]


def test_numbers_written_with_slashes_pair_with_names_written_so(scanner, tying):
    # arXiv 2512.08048 and 2511.11004 (corpus)
    text = "On CIFAR10C/CIFAR100C/ImageNetC (severity 5), M2A attains 8.3%/19.8%/39.2% mean error."
    found = entities(text, ("CIFAR10C", "Dataset", "CIFAR10C"), ("CIFAR100C", "Dataset", "CIFAR100C"),
                     ("ImageNetC", "Dataset", "ImageNetC"), ("M2A", "Method", "M2A"))
    assert [[t.dataset for t in group] for group in ties(scanner, tying, text, found)] == [
        ["CIFAR10C", "CIFAR100C", "ImageNetC"]]
    text = "It is state-of-the-art on TCGA-Lung (ACC/AUC/F1: 0.939/0.983/0.946), and on CAMELYON16."
    found = entities(text, ("TCGA-Lung", "Dataset", "TCGA-Lung"), ("ACC", "Metric", "Acc"),
                     ("AUC", "Metric", "AUC"), ("F1", "Metric", "F1"), ("CAMELYON16", "Dataset", "CAMELYON16"))
    groups, numbers = scanner.scan(text)
    sentence = tying.read(text, found, NO_PAPER_CONTEXT, numbers)
    assert [(t.metric, t.dataset) for t in sentence.tie(groups[0])] == [
        ("Acc", "TCGA-Lung"), ("AUC", "TCGA-Lung"), ("F1", "TCGA-Lung")]
    # arXiv 2508.20460 and 2504.04340 (40k corpus): the names right after the numbers; not past a name
    # of the numbers' own
    text = "It gains 0.5%/2.2% on RMSE/MAE, reaches 2.06/0.32 IS/LPIPS and 97.3/72.9 AP for detection."
    found = entities(text, ("RMSE", "Metric", "RMSE"), ("MAE", "Metric", "MAE"), ("IS", "Metric", "IS"),
                     ("LPIPS", "Metric", "LPIPS"), ("AP", "Metric", "AP"))
    groups, numbers = scanner.scan(text)
    sentence = tying.read(text, found, NO_PAPER_CONTEXT, numbers)
    assert [[t.metric for t in sentence.tie(group)] for group in groups] == [
        ["RMSE", "MAE"], ["IS", "LPIPS"], ["AP", "AP"]]


def test_a_bracket_after_the_system_a_verb_beats_is_that_systems_score(scanner, tying):
    # corpus papers 2511.20683 and 2509.25559: the rival's score, not the router's nor the radiologists'
    text = ("We find that the MLP router achieves 90.5% routing accuracy on held-out test data, marginally "
            "exceeding RoBERTa's performance (89.5%) despite utilizing 125M fewer parameters.")
    found = entities(text, ("MLP", "Method", "MLP"), ("RoBERTa", "Model", "RoBERTa"))
    assert subjects(scanner, tying, text, found) == [["MLP"], ["RoBERTa"]]
    text = ("Board-certified radiologists achieved the highest diagnostic accuracy (83%), outperforming "
            "trainees (45%) and all AI models (best performance shown by GPT-5: 30%).")
    found = entities(text, ("GPT-5", "Model", "GPT-5"))
    assert [t.subject for t in tied(scanner, tying, text, found, PaperContext(("RadBench",)))][1] is None
    # a margin in the bracket and a change's new value stay the paper's system's (2512.16908, 2507.14335)
    text = ("Experiments demonstrate that our method outperforms existing approaches by large margins (94% "
            "and 37.4% relative AP improvements).")
    assert [t.subject for t in tied(scanner, tying, text, [], PaperContext(("SceneDiff",)))] == ["SceneDiff"] * 2
    text = "On the miniF2F benchmark, ProofCompass outperforms DSP-v1.5 (54.9% → 55.3%) with fewer attempts."
    found = entities(text, ("ProofCompass", "Method", "ProofCompass"), ("DSP", "Method", "DSP"))
    assert [t.subject for t in tied(scanner, tying, text, found)] == ["DSP", "ProofCompass"]


def test_an_adjective_marks_a_baseline_only_next_to_its_name(scanner, tying):
    # corpus paper 2512.23214: "prior" three words before Anka made it a baseline, and Claude after it one
    # by coordination, so the proposal took the model's scores
    text = ("Despite having zero prior training exposure to Anka, Claude 3.5 Haiku achieves 99.9% parse success "
            "and 95.8% overall task accuracy across 100 benchmark problems.")
    found = entities(text, ("Anka", "Method", "Anka"), ("Claude 3.5 Haiku", "Model", "Claude-3.5-Haiku"))
    assert [t.subject for group in ties(scanner, tying, text, found, ("Anka",)) for t in group] == [
        "Claude-3.5-Haiku"] * 2
    # next to it, the adjective still does
    text = "Our method reaches 71.2%, while the prior SOTA MoCAD reaches 65.3%."
    found = entities(text, ("MoCAD", "Method", "MoCAD"))
    groups, numbers = scanner.scan(text)
    assert [(n.name, n.role) for n in tying.read(text, found, NO_PAPER_CONTEXT, numbers).names] == [
        ("MoCAD", "baseline")]


def test_names_listed_with_a_tool_are_tools_too(scanner, tying):
    # corpus paper 2511.10648: "plugging SCS into RLOO, GRPO, and REINFORCE++": the methods SCS is plugged
    # into are its tools, REINFORCE++ as much as RLOO, and the gain is SCS's
    text = ("Based on Qwen2.5-VL-7B-Instruct, plugging SCS into RLOO, GRPO, and REINFORCE++ series improves "
            "accuracy by up to 7.7 percentage points on six multimodal benchmarks.")
    found = entities(text, ("Qwen2.5-VL-7B-Instruct", "Model", "Qwen2.5-VL-7B-Instruct"), ("SCS", "Method", "SCS"),
                     ("RLOO", "Method", "RLOO"), ("GRPO", "Method", "GRPO"), ("REINFORCE++", "Method", "REINFORCE++"))
    assert [t.subject for group in ties(scanner, tying, text, found, ("SCS",)) for t in group] == ["SCS"]


def test_a_bracket_comparing_with_the_rival_just_named_gives_the_rival_the_second_score(scanner, tying):
    # corpus paper 2512.11485: "MNL nearly matches Supervised Fine-Tuning (93.9% vs 94.3%)": MNL's, then SFT's
    text = "We show MNL nearly matches Supervised Fine-Tuning (93.9% vs 94.3% on GSM8K) and outperforms alternatives."
    found = entities(text, ("MNL", "Method", "MNL"), ("Supervised Fine-Tuning", "Method", "SFT"),
                     ("GSM8K", "Dataset", "GSM8K"))
    assert [t.subject for group in ties(scanner, tying, text, found, ("MNL",)) for t in group] == ["MNL", "SFT"]
    # 2508.00743: after "over", the rival's score is the second too
    text = "Agentic retrieval significantly improved mean diagnostic accuracy over zero-shot prompting (73% vs. 64%)."
    found = entities(text, ("zero-shot prompting", "Method", "Zero-Shot Prompting"))
    assert [t.subject for group in ties(scanner, tying, text, found) for t in group][1] == "Zero-Shot Prompting"


def test_our_unnamed_system_is_the_subject_when_the_paper_proposes_no_name(scanner, tying):
    # corpus papers 2511.19524 and 2510.04232: "our method" acts, so a baseline named before it is no subject
    text = "On LongVideoBench, our method outperforms the SOTA model Gemini 2.5 pro by 3.6% and GPT-4o by 15.6%."
    found = entities(text, ("LongVideoBench", "Dataset", "LongVideoBench"),
                     ("Gemini 2.5 pro", "Model", "Gemini-2.5-Pro"), ("GPT-4o", "Model", "GPT-4o"))
    assert [t.subject for group in ties(scanner, tying, text, found) for t in group] == [None, None]
    text = ("In comparison to the MobileNetV2 model, which has 2.2 million parameters, our model demonstrated "
            "better accuracy on the RfMiD dataset, achieving an accuracy of 0.9328 versus 0.9266 on its test set.")
    found = entities(text, ("MobileNetV2", "Model", "MobileNetV2"), ("RfMiD", "Dataset", "RfMiD"))
    assert subjects(scanner, tying, text, found)[-1] == [None, "MobileNetV2"]


def test_a_name_acting_after_the_comma_of_a_comparison_is_the_subject(scanner, tying):
    # corpus paper 2509.22323: the name after the comparison's comma that acts is the clause's subject
    text = "Compared with ResNet-50, ViT-B achieves an accuracy of 93.3% on ImageNet."
    found = entities(text, ("ResNet-50", "Model", "ResNet-50"), ("ViT-B", "Model", "ViT-B"),
                     ("ImageNet", "Dataset", "ImageNet"))
    assert subjects(scanner, tying, text, found) == [["ViT-B"]]
    text = "Across DiT backbones, including Stable Diffusion 3 and FLUX, RAPID3 achieves nearly 3x faster sampling."
    found = entities(text, ("Stable Diffusion 3", "Model", "Stable-Diffusion-3"), ("FLUX", "Model", "FLUX"),
                     ("RAPID3", "Method", "RAPID3"))
    assert subjects(scanner, tying, text, found)[-1] == ["RAPID3"]
    # a list after the comparison stays the baselines'
    text = "Compared with ResNet-50, ViT-B, and Swin-T, our method reaches 93.3% accuracy."
    found = entities(text, ("ResNet-50", "Model", "ResNet-50"), ("ViT-B", "Model", "ViT-B"),
                     ("Swin-T", "Model", "Swin-T"))
    assert subjects(scanner, tying, text, found) == [[None]]


def test_a_generic_noun_after_a_preposition_is_no_subject(scanner, tying):
    # corpus papers 2512.20092 and 2509.25339: "for open-source models and outperforming" and "out of 37 tested
    # models only achieves" name no subject; the system before them does
    text = ("On the Time-Dialog benchmark, Memory-T1 boosts a 7B model to an overall score of 67.0%, establishing a "
            "new state-of-the-art performance for open-source models and outperforming a 14B baseline by 10.2%.")
    found = entities(text, ("Time-Dialog", "Dataset", "Time-Dialog"), ("Memory-T1", "Method", "Memory-T1"))
    assert [t.subject for group in ties(scanner, tying, text, found, ("Memory-T1",)) for t in group] == [
        "Memory-T1", "Memory-T1"]
    text = "Indeed, even the best model (o3) out of 37 tested models only achieves 19.6% accuracy on our hardest split."
    found = entities(text, ("o3", "Model", "o3"))
    assert [t.subject for group in ties(scanner, tying, text, found) for t in group] == ["o3"]
