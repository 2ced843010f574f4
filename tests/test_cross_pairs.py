"""The cross-sentence model (loaders/relations/cross_pairs.py): which pairs it reads, what it
adds beyond the rules and the pair model, that its confidences undo the training's weighting,
and that its weights are what scripts/train-pair-model learns."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import weights_learned_again

from kg.errors import InputError
from kg.model import Mention
from loaders import ablation
from loaders.pipeline import extract_document
from loaders.relations.cross_pairs import (
    FRAME_CLASSES,
    MODEL_FILE,
    RULE_NAME,
    cross_candidates,
    default_cross_model,
    paragraphs,
    scored_cross_pairs,
)
from loaders.relations.pair_model import model_from_json

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "loaders" / "lexicon" / MODEL_FILE
# The industry is named in the first sentence, the firm in the second: no sentence holds both.
PAGE = "青州市加快建设新材料产业集群。\n全市集聚了青州云杉科技有限公司等一批龙头企业。\n"
ADDED = ("PART_OF_CHAIN", "青州云杉科技有限公司", "新材料")


def _extract(tmp_path: Path, text: str = PAGE):  # type: ignore[no-untyped-def]
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    return extract_document(page)


def _by_sentence(extraction) -> dict[int, list[Mention]]:  # type: ignore[no-untyped-def]
    grouped: dict[int, list[Mention]] = {}
    for mention in extraction.mentions:
        grouped.setdefault(mention.sentence, []).append(mention)
    return grouped


def _relations(extraction) -> dict[tuple[str, str, str], tuple[str, float, int]]:  # type: ignore[no-untyped-def]
    names = {e.id: e.name for e in extraction.entities}
    return {
        (r.type, names[r.head], names[r.tail]): (r.rule, r.confidence, r.evidence.sentence)
        for r in extraction.relations
    }


def test_the_model_adds_a_relation_across_sentences_and_goes_with_its_part(tmp_path: Path) -> None:
    found = _relations(_extract(tmp_path))
    assert ADDED in found
    rule, _, sentence = found[ADDED]
    assert rule == RULE_NAME
    assert sentence == 1, "the evidence is the later sentence, the one naming the firm"
    with ablation.disabled("cross-sentence"):
        assert ADDED not in _relations(_extract(tmp_path))


def test_a_page_whose_sentences_state_no_relation_gets_none_across_them(tmp_path: Path) -> None:
    # An industry, then a firm, and nothing said of either in any sentence: a page about nothing.
    quiet = "新材料产业集群加快建设。\n全市集聚了青州云杉科技有限公司等一批龙头企业。\n"
    assert not _relations(_extract(tmp_path, quiet))
    stating = quiet + "科大讯飞股份有限公司位于合肥市高新区。\n"
    assert ("PART_OF_CHAIN", "青州云杉科技有限公司", "新材料") in _relations(_extract(tmp_path, stating))


def test_rules_alone_switch_the_cross_sentence_model_off(tmp_path: Path) -> None:
    with ablation.rules_alone():
        assert not any(rule == RULE_NAME for rule, _, _ in _relations(_extract(tmp_path)).values())


def test_a_confidence_says_how_often_such_a_relation_is_right(tmp_path: Path) -> None:
    model = default_cross_model()
    assert model.positive_weight > 1.0
    _, confidence, _ = _relations(_extract(tmp_path))[ADDED]
    # The weighting undone, a relation at the threshold is right less often than its score says.
    assert model.confidence(model.threshold_logit) < model.threshold
    assert model.confidence(model.threshold_logit) <= confidence < 1.0


def test_candidates_pair_a_name_with_a_place_or_chain_of_an_earlier_sentence(tmp_path: Path) -> None:
    text = "青柳高新区重点发展新材料产业。\n园区引进柳岸材料股份有限公司。\n青州市聚焦集成电路产业。\n"
    extraction = _extract(tmp_path, text)
    candidates = list(cross_candidates(extraction.document, _by_sentence(extraction)))
    assert candidates
    for candidate in candidates:
        frame, later = sorted((candidate.head, candidate.tail), key=lambda m: m.sentence)
        assert frame.sentence < later.sentence
        assert frame.type in FRAME_CLASSES
        # the model reads which rules found the two names
        assert {f"hsrc={candidate.head.source}", f"tsrc={candidate.tail.source}"} <= set(candidate.parts)
    pairs = {(c.type, c.head.canonical, c.tail.canonical) for c in candidates}
    assert ("LOCATED_IN", "柳岸材料股份有限公司", "青柳高新技术产业开发区") in pairs
    # A name is never paired with what comes after it.
    assert ("LOCATED_IN", "柳岸材料股份有限公司", "青州市") not in pairs


def test_the_stage_scores_each_candidate_as_the_model_reads_its_parts() -> None:
    """The stage sums a name's parts once for all its pairs and skips pairs that cannot reach the
    threshold: what it keeps, with what score, is what the model gives each candidate's parts
    (the parts training stores)."""
    model = default_cross_model()
    for seed in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
        extraction = extract_document(seed)
        by_sentence = _by_sentence(extraction)
        expected = {}
        for candidate in cross_candidates(extraction.document, by_sentence):
            logit = model.logit(candidate.type, candidate.parts)
            if logit >= model.threshold_logit:
                expected[(candidate.type, id(candidate.head), id(candidate.tail))] = logit
        kept = scored_cross_pairs(model, extraction.document, by_sentence)
        scored = {(s.type, id(s.head), id(s.tail)): s.logit for s in kept}
        assert expected, f"{seed.name}: no candidate reaches the threshold, the test compares nothing"
        assert scored.keys() == expected.keys()
        assert all(abs(scored[key] - logit) < 1e-9 for key, logit in expected.items())


def test_a_line_break_opens_a_paragraph(tmp_path: Path) -> None:
    extraction = _extract(tmp_path, "青州市发展新材料。青州市发展集成电路。\n青州市发展生物医药。\n")
    assert paragraphs(extraction.document) == [0, 0, 1]


def test_a_model_file_with_a_weighting_not_above_zero_is_refused_with_its_name() -> None:
    with pytest.raises(InputError, match="cross.json"):
        model_from_json({"bias": 0.0, "threshold": 0.8, "weights": {}, "positive_weight": 0}, "cross.json")


def test_the_shipped_weights_are_what_the_training_script_learns_from_the_gold(tmp_path: Path) -> None:
    stale = weights_learned_again("cross", SHIPPED, tmp_path / "cross.json")
    assert not stale, f"{len(stale)} differ ({stale[:5]}); run scripts/train-pair-model --model cross"


# Six firms of one list: what the page says of the list it says of each firm.
FIRMS = (
    "青州云杉科技有限公司",
    "青州白桦材料有限公司",
    "青州红松化工有限公司",
    "青州黄杨电子有限公司",
    "青州紫檀机械有限公司",
    "青州银杏药业有限公司",
)
LISTED = "青州市加快建设新材料产业集群。\n目前，" + "、".join(FIRMS) + "等企业已建成投产。\n"


def test_a_relation_found_with_one_member_of_a_list_goes_to_every_member(tmp_path: Path) -> None:
    def in_chain() -> set[str]:
        found = _relations(_extract(tmp_path, LISTED))
        return {
            head for (rel_type, head, tail), (rule, _, _) in found.items() if tail == "新材料" and rule == RULE_NAME
        }

    assert in_chain() == set(FIRMS)
    with ablation.disabled("list-spread"):
        alone = in_chain()
    assert alone and alone < set(FIRMS)  # the model alone reaches some members, not all
