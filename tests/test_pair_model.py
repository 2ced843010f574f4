"""The pair model (loaders/relations/pair_model.py): what it adds beyond the rules, that
its weights are what scripts/train-pair-model learns from the project's gold and the stored
rows of outside pages, and that a broken model or rows file is refused with its name."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import weights_learned_again

from kg.errors import InputError
from kg.model import Mention, Sentence
from loaders import ablation
from loaders.pipeline import extract_document
from loaders.relations.pair_model import (
    _CUES,
    CONJUNCTION,
    MODEL_FILE,
    RULE_NAME,
    _allowed_pairs,
    _outer_words,
    _pair_parts,
    _read_gap,
    _scored_parts,
    candidate_pairs,
    conjoined,
    default_model,
    is_word,
    model_from_json,
    pair_context,
    scored_pairs,
    without_codes,
)

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "loaders" / "lexicon" / MODEL_FILE
# No rule reads a focus from "已在…领域深耕": the model does, from the words between.
SENTENCE = "青柳高新区已在新材料领域深耕多年。\n"


def _relations(path: Path) -> set[tuple[str, str, str, str]]:
    extraction = extract_document(path)
    names = {e.id: e.name for e in extraction.entities}
    return {(r.type, names[r.head], names[r.tail], r.rule) for r in extraction.relations}


def test_the_model_adds_a_relation_no_rule_reads_and_goes_with_its_part(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(SENTENCE, encoding="utf-8")
    added = ("FOCUSES_ON", "青柳高新技术产业开发区", "新材料", RULE_NAME)
    assert added in _relations(page)
    with ablation.disabled("pair-model"):
        assert not any(r[0] == "FOCUSES_ON" for r in _relations(page))


def _candidates(sentence: str, tmp_path: Path) -> set[tuple[str, str, str]]:
    page = tmp_path / "page.txt"
    page.write_text(sentence + "\n", encoding="utf-8")
    extraction = extract_document(page)
    text = extraction.document.sentences[0].text
    mentions = [m for m in extraction.mentions if m.sentence == 0]
    return {(t, h.canonical, tl.canonical) for t, h, tl in candidate_pairs(text, mentions)}


def test_a_place_is_no_candidate_for_what_a_later_clauses_place_develops(tmp_path: Path) -> None:
    pairs = _candidates("青州市重点发展新材料，柳州市则聚焦集成电路。", tmp_path)
    assert ("FOCUSES_ON", "柳州市", "集成电路") in pairs
    assert ("FOCUSES_ON", "青州市", "集成电路") not in pairs


def test_a_province_qualifying_a_zone_is_no_candidate_for_the_zones_industry(tmp_path: Path) -> None:
    pairs = _candidates("湖南省长沙高新区重点发展人工智能产业。", tmp_path)
    assert ("FOCUSES_ON", "湖南省", "人工智能") not in pairs
    assert ("PART_OF", "长沙高新技术产业开发区", "湖南省") in pairs


def test_a_city_whose_industry_a_zone_serves_as_hub_is_no_candidate_for_it(tmp_path: Path) -> None:
    pairs = _candidates("作为青州市集成电路产业的核心区，青州高新区引进了一批设计企业。", tmp_path)
    assert ("FOCUSES_ON", "青州市", "集成电路") not in pairs
    assert ("FOCUSES_ON", "青州高新技术产业开发区", "集成电路") in pairs


def test_a_place_a_verb_lines_the_subject_up_with_gets_no_focus_from_the_model(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("今年以来，长兴县聚焦湖州市“两大”主导产业，全力围绕新能源、新材料产业发展。\n", encoding="utf-8")
    focused = {(h, t) for kind, h, t, _ in _relations(page) if kind == "FOCUSES_ON"}
    assert ("湖州市", "新材料") not in focused
    assert ("长兴县", "新材料") in focused


def test_a_place_named_as_a_means_or_a_partner_gets_no_focus_from_the_model(tmp_path: Path) -> None:
    for text, place, chain in (
        ("柳州市依托青州高新区发展光学元件产业。", "青州高新技术产业开发区", "光学元件"),
        ("加强与青州高新区在集成电路领域的协同。", "青州高新技术产业开发区", "集成电路"),
    ):
        page = tmp_path / "page.txt"
        page.write_text(text + "\n", encoding="utf-8")
        assert ("FOCUSES_ON", place, chain, RULE_NAME) not in _relations(page)


def test_a_place_named_as_other_than_a_container_gets_no_part_from_the_model(tmp_path: Path) -> None:
    for text, part, container in (
        ("绵阳市委、市政府深入实施创新驱动战略，以青柳科学城为建设科技创新中心的核心。", "青柳科学城", "绵阳市"),
        ("建设青柳科创走廊，是四川在新时期作出的重大部署。", "青柳科创走廊", "四川省"),
        ("青柳化工园区是贯彻《四川省精细化工产业规划》的重点载体。", "青柳化工园区", "四川省"),
        ("青柳高新区，是中国四川省绵阳市下辖的国家级高新区。", "青柳高新技术产业开发区", "四川省"),
        ("身为四川省显示面板集群的骨干企业，绵阳京东方建有多条产线。", "绵阳市", "四川省"),
    ):
        page = tmp_path / "page.txt"
        page.write_text(text + "\n", encoding="utf-8")
        assert ("PART_OF", part, container, RULE_NAME) not in _relations(page), text
    page = tmp_path / "page.txt"
    page.write_text("青柳高新区作为四川省唯一的国家级高新区，发展迅速。\n", encoding="utf-8")
    assert ("PART_OF", "青柳高新技术产业开发区", "四川省", RULE_NAME) in _relations(page)


def test_the_model_relates_nothing_across_a_dateline_or_a_byline(tmp_path: Path) -> None:
    for text, relation in (
        ("新华社绵阳5月6日电 题：四川打造千亿级光子产业集群", ("FOCUSES_ON", "绵阳市", "光子")),
        (
            "科技日报绵阳11月2日电（记者王青柳）在2日举行的“创新·发展”2019四川医疗健康论坛上，青柳药谷签约。",
            ("PART_OF", "绵阳市", "四川省"),
        ),
    ):
        page = tmp_path / "page.txt"
        page.write_text(text + "\n", encoding="utf-8")
        assert (*relation, RULE_NAME) not in _relations(page), text


def test_an_honours_title_is_read_as_no_name_of_the_pair() -> None:
    assert _CUES.honour_before.search("先后获评") is not None
    assert _CUES.honour_before.search("先后建成") is None


def test_a_pair_models_confidence_is_its_score_with_the_weighting_of_positives_undone(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(SENTENCE, encoding="utf-8")
    model = default_model()
    scored = [r.confidence for r in extract_document(page).relations if r.rule == RULE_NAME]
    least = round(model.confidence(model.threshold_logit), 3)
    # Positives counted more in training, so a confidence lies below the score it came from:
    # a pair just over the threshold is right less often than the threshold says.
    assert model.positive_weight > 1.0
    assert scored and all(least <= c < 1.0 for c in scored)
    assert min(scored) < model.threshold


def test_the_confidence_undoes_exactly_the_training_weighting() -> None:
    model = model_from_json({"bias": 0.0, "threshold": 0.5, "weights": {}, "positive_weight": 4.0}, "m.json")
    # Weighted 4 to 1, even odds in training are 1 to 4 in truth.
    assert model.confidence(0.0) == pytest.approx(0.2)
    assert model_from_json({"bias": 0.0, "threshold": 0.5, "weights": {}}, "m.json").confidence(0.0) == 0.5


def test_codes_dates_and_file_names_are_no_words_of_the_model() -> None:
    codes = ("2024-07-19", "0faa3bd26a46870088f45111f7899d8.jpg", "9Uzesmc", "２０２４－０７－１９")
    assert not any(map(is_word, codes))
    assert all(map(is_word, ("落户", "2022", "BioBAY", "、", "G60科创走廊")))


def test_stored_rows_read_without_the_codes_between_a_pair() -> None:
    parts = ["Enterprise>Place", "hb", "bw=落户|hb", "bw=2024-07-19|hb", "bw=0faa3bd26a4687.jpg|tb"]
    assert without_codes(parts) == ["Enterprise>Place", "hb", "bw=落户|hb"]


def _sentence_and_mentions(tmp_path: Path, text: str) -> tuple[Sentence, list[Mention]]:
    page = tmp_path / "page.txt"
    page.write_text(text + "\n", encoding="utf-8")
    extraction = extract_document(page)
    sentence = extraction.document.sentences[0]
    return sentence, [m for m in extraction.mentions if m.sentence == 0]


def test_the_model_reads_the_words_around_a_pair_and_the_rules_that_found_its_names(tmp_path: Path) -> None:
    sentence, mentions = _sentence_and_mentions(tmp_path, "据悉，青柳高新区已在新材料领域深耕多年。")
    zone = next(m for m in mentions if m.type == "Place")
    chain = next(m for m in mentions if m.type == "IndustryChain")
    parts = pair_context(zone, chain, sentence.text, mentions)
    assert "ow<，|hb" in parts and "ow>领域|hb" in parts
    assert f"hsrc={zone.source}" in parts and f"tsrc={chain.source}" in parts
    # the same pair the other way round: the tail comes first
    assert "ow>领域|tb" in pair_context(chain, zone, sentence.text, mentions)


@pytest.mark.parametrize(("weighed", "found"), [("ow>领域|hb", True), ("ow>行业|hb", False)])
def test_scoring_reads_the_words_around_a_pair_as_training_does(tmp_path: Path, weighed: str, found: bool) -> None:
    sentence, mentions = _sentence_and_mentions(tmp_path, "青柳高新区已在新材料领域深耕多年。")
    # A model that knows one part only: the pair scores over the threshold only if the
    # scoring reads the word after it as the training features name it.
    model = model_from_json({"bias": -3.0, "threshold": 0.5, "weights": {f"FOCUSES_ON|{weighed}": 6.0}}, "m.json")
    pairs = {(p.type, p.head.type, p.tail.type) for p in scored_pairs(model, sentence, mentions)}
    assert (("FOCUSES_ON", "Place", "IndustryChain") in pairs) is found


@pytest.mark.parametrize(("weighed", "found"), [("在", True), ("深耕", False)])
def test_scoring_conjoins_the_words_between_with_the_class_pair_as_training_does(
    tmp_path: Path, weighed: str, found: bool
) -> None:
    sentence, mentions = _sentence_and_mentions(tmp_path, "青柳高新区已在新材料领域深耕多年。")
    # A model that knows one conjunction only ("已在" stands between the pair; 深耕 after it):
    # the pair scores over the threshold only if scoring conjoins the gap's words as
    # training's conjoined() does.
    weights = {f"FOCUSES_ON|{CONJUNCTION}Place>IndustryChain|bw={weighed}|hb": 6.0}
    model = model_from_json({"bias": -3.0, "threshold": 0.5, "weights": weights}, "m.json")
    pairs = {(p.type, p.head.type, p.tail.type) for p in scored_pairs(model, sentence, mentions)}
    assert (("FOCUSES_ON", "Place", "IndustryChain") in pairs) is found


def test_the_parts_scored_are_the_plain_parts_conjoined_for_every_pair_of_a_seed() -> None:
    # Scoring builds the conjunctions straight from the gap's words (speed); training and
    # stored rows build them with conjoined(): the two must give the same parts.
    extraction = extract_document(ROOT / "seeds" / "002_254ccf3dff91ce83.txt")
    compared = 0
    for sentence in extraction.document.sentences:
        placed = [m for m in extraction.mentions if m.sentence == sentence.index and m.clean_end > m.clean_start]
        if len(placed) < 2:
            continue
        opening = min(m.clean_start for m in placed)
        for head, tail, _ in _allowed_pairs(sentence.text, placed):
            first, second = (head, tail) if head.clean_start <= tail.clean_start else (tail, head)
            gap = _read_gap(sentence.text, first.clean_end, second.clean_start, placed)
            outer = _outer_words(sentence.text, first.clean_start, second.clean_end)
            plain = _pair_parts(head, tail, gap, outer, opening)
            assert _scored_parts(head, tail, gap, outer, opening) == conjoined(plain)
            compared += 1
    assert compared > 100


def test_a_model_file_without_weights_is_refused_with_its_name() -> None:
    with pytest.raises(InputError, match="custom.json"):
        model_from_json({"bias": 0.0, "threshold": 0.5}, "custom.json")


def _train(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "scripts" / "train-pair-model"), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_the_shipped_weights_are_what_the_training_script_learns_from_the_gold(tmp_path: Path) -> None:
    stale = weights_learned_again("pair", SHIPPED, tmp_path / "model.json")
    assert not stale, (
        f"{len(stale)} differ ({stale[:5]}): extraction changed since it was trained; run scripts/train-pair-model"
    )


@pytest.mark.parametrize("shipped", [SHIPPED, SHIPPED.with_name("cross_model.json")], ids=["pair", "cross"])
def test_the_sets_counted_more_than_once_are_sets_it_learned_from(shipped: Path) -> None:
    # A set name the training script misspells would count once, silently.
    model = json.loads(shipped.read_text(encoding="utf-8"))
    counted = model["sets_counted_more_than_once"]
    assert counted and set(counted) <= set(model["trained_on_gold_files"])
    assert all(isinstance(n, int) and n > 1 for n in counted.values())


def _outside_set(folder: Path, pages: Path) -> None:
    """An outside set of one page the test writes: its gold in ``folder``, the page in ``pages``."""
    folder.mkdir()
    pages.mkdir()
    text = "合肥市加快应急安全产业发展，争创云杉城市安全技术创新中心。\n"
    (pages / "p1.txt").write_text(text, encoding="utf-8")
    lines = [
        {"kind": "entity", "doc": "p1.txt", "type": "Place", "subtype": "City", "name": "合肥市", "aliases": []},
        {
            "kind": "entity",
            "doc": "p1.txt",
            "type": "IndustryChain",
            "subtype": None,
            "name": "应急安全",
            "aliases": [],
        },
        {
            "kind": "relation",
            "doc": "p1.txt",
            "type": "FOCUSES_ON",
            "head": "合肥市",
            "tail": "应急安全",
            "evidence": {"start": 0, "end": len(text) - 1},
        },
    ]
    gold = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n"
    (folder / "p1.gold.jsonl").write_text(gold, encoding="utf-8")


def test_stored_rows_of_outside_pages_are_read_back_into_training(tmp_path: Path) -> None:
    outside, pages = tmp_path / "outside", tmp_path / "pages"
    outside.mkdir()
    _outside_set(outside / "mine", pages)
    assert _train("--store-rows", str(outside / "mine"), str(pages)).returncode == 0
    rows = [
        json.loads(line) for line in (outside / "mine" / "pair_rows.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert rows and {row["doc"] for row in rows} == {"p1.txt"}
    assert all(isinstance(row["label"], bool) and row["parts"] for row in rows)
    out = tmp_path / "model.json"
    done = _train("--outside", str(outside), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["trained_on_gold_files"]["mine (stored rows)"] == 1


def test_a_broken_rows_file_is_refused_with_its_name_and_line(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    rows = tmp_path / "mine" / "pair_rows.jsonl"
    good = '{"doc": "p.txt", "type": "PART_OF", "parts": ["hb"], "label": true}'
    rows.write_text(good + '\n{"doc": "p.txt", "type": "PART_OF", "parts": "hb"}\n', encoding="utf-8")
    out = tmp_path / "model.json"
    done = _train("--outside", str(tmp_path), "--out", str(out))
    assert done.returncode == 2
    assert f"{rows}:2" in done.stderr
    assert not out.exists()


def test_storing_rows_for_a_folder_without_gold_names_it(tmp_path: Path) -> None:
    done = _train("--store-rows", str(tmp_path), str(tmp_path))
    assert done.returncode == 2
    assert str(tmp_path) in done.stderr and "gold" in done.stderr
