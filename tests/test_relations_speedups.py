"""The shortcuts that keep relation extraction fast must not change what it finds."""

from __future__ import annotations

from test_relations_helpers import LEXICON, Known, fact, facts, find_known, make_document

from kg.ids import entity_id
from kg.model import Mention
from loaders.relations.engine import extract_relations
from loaders.relations.registry import RelationRule
from loaders.relations.view import NameIndex


def _chain(name: str, canonical: str | None = None) -> Mention:
    return Mention("t.txt", 0, 0, 0, name, "IndustryChain", None, canonical or name, "test")


def _table(*names: str) -> dict[str, Mention]:
    return {name: _chain(name) for name in names}


def _brute_force(text: str, names: dict[str, Mention], shortest: int) -> list[str]:
    """Every substring of ``text`` that is a name, by start then end (the plain way)."""
    return [
        text[a:b]
        for a in range(len(text))
        for b in range(a + shortest, len(text) + 1)
        if text[a:b] in names and b - a < len(text)
    ]


def test_name_index_finds_what_a_plain_search_finds() -> None:
    names = _table("集成电路", "集成", "电路", "显示", "新型显示", "芯", "人工智能")
    index = NameIndex.of(names)
    for text in ("海峡两岸集成电路产业合作试验区", "新型显示器件", "芯谷", "人工智能", "无关名称"):
        for shortest in (1, 2, 3):
            assert index.names_in(text, names, shortest) == _brute_force(text, names, shortest)


def test_name_index_never_returns_the_whole_text() -> None:
    names = _table("集成电路")
    assert NameIndex.of(names).names_in("集成电路", names) == []


def test_a_name_embedding_a_chain_twice_yields_one_focus() -> None:
    world = {**LEXICON, "集成电路集成电路产业园": Known("Place", "DevelopmentZone")}
    doc = make_document(["发展集成电路。", "建设集成电路集成电路产业园。"])
    relations = extract_relations(doc, find_known(doc, world)).relations
    focus = [r for r in relations if r.rule == "focuses-on-name"]
    assert len(focus) == 1
    assert (focus[0].type, focus[0].tail) == ("FOCUSES_ON", entity_id("集成电路"))


def _recording_rule(needs: str, seen: list[str]) -> RelationRule:
    def record(view):  # type: ignore[no-untyped-def]
        seen.append(view.text)
        return []

    return RelationRule("record", 0.5, record, min_mentions=1, needs=frozenset(needs.split()))


def test_a_rule_needing_a_lead_runs_only_in_a_lead_paragraph() -> None:
    seen: list[str] = []
    texts = ["集成电路。", "支持京东方扩产。", "京东方发布新品。"]
    doc = make_document(texts, paragraphs=[0, 0, 1])
    extract_relations(doc, find_known(doc, LEXICON), rules=[_recording_rule("org lead", seen)])
    assert seen == ["支持京东方扩产。"]


def test_a_rule_needing_a_section_place_runs_only_under_one() -> None:
    seen: list[str] = []
    # The heading's place must be named in the article to be resolved.
    doc = make_document(
        ["蜀山区发展集成电路。", "京东方扩产。", "京东方扩产。"],
        section_places=[None, "蜀山区", None],
    )
    rule = _recording_rule("org section-place", seen)
    extract_relations(doc, find_known(doc, LEXICON), rules=[rule])
    assert seen == ["京东方扩产。"]


def test_same_shape_sentences_share_one_rule_choice_without_mixing_them() -> None:
    # Two sentences of one shape and one of another: each gets the rules for its shape.
    texts = ["经开区重点发展集成电路。", "蜀山区重点发展新型显示。", "科大讯飞位于合肥高新区。"]
    doc = make_document(texts)
    got = facts(extract_relations(doc, find_known(doc, LEXICON)).relations)
    assert fact("FOCUSES_ON", "合肥经济技术开发区", "集成电路") in got
    assert fact("FOCUSES_ON", "蜀山区", "新型显示") in got
    assert fact("LOCATED_IN", "科大讯飞", "合肥高新技术产业开发区") in got


def test_a_rule_with_cue_words_runs_only_where_one_occurs() -> None:
    seen: list[str] = []

    def record(view):  # type: ignore[no-untyped-def]
        seen.append(view.text)
        return []

    rule = RelationRule("record", 0.5, record, min_mentions=1, cues=("依托", "牵头"))
    texts = ["依托中国科大建设。", "京东方牵头攻关。", "京东方扩产。"]
    doc = make_document(texts)
    extract_relations(doc, find_known(doc, LEXICON), rules=[rule])
    assert seen == ["依托中国科大建设。", "京东方牵头攻关。"]


# Sentences of many constructions, each carrying some relation a cued rule reads.
_VARIED = [
    "依托中国科大建设量子信息实验室。",
    "稳态强磁场实验装置由合肥物质院运行。",
    "科大讯飞牵头建设智能语音创新中心。",
    "依托中国科大、合肥物质院发展量子信息产业。",
    "经开区重点发展集成电路、新型显示等产业。",
    "科大讯飞、国轩高科等企业总部位于合肥高新区。",
    "在蜀山区建设量子信息实验室，推动成果转化。",
    "京东方与中国科大签署战略合作协议。",
    "中国科大、科大讯飞联合组建智能语音创新中心。",
    "蜀山区隶属合肥市，合肥市下辖庐江县。",
    "新能源汽车产业集聚了比亚迪、江淮、大众、蔚来、长安等6家整车企业。",
    "京东方是新型显示产业链链主企业。",
    "人工智能（集成电路、新型显示）。",
    "新能源汽车产业链上游的动力电池。",
    "合肥物质院聚焦量子信息、人工智能等方向。",
    "智能语音创新中心服务人工智能产业。",
]


def test_cue_words_change_nothing_the_rules_find() -> None:
    from dataclasses import replace

    from loaders.relations.rules import registered_rules

    rules = registered_rules()
    assert any(rule.cues for rule in rules)
    doc = make_document(_VARIED)
    mentions = find_known(doc, LEXICON)
    with_cues = extract_relations(doc, mentions, rules=rules)
    without = extract_relations(doc, mentions, rules=[replace(r, cues=()) for r in rules])
    assert with_cues.relations == without.relations
    assert with_cues.dropped == without.dropped
    assert len(with_cues.relations) > 10


def test_cue_words_change_nothing_on_the_seed_documents() -> None:
    from dataclasses import replace
    from pathlib import Path

    from loaders.mentions.find import find_mentions
    from loaders.read.document import read_document
    from loaders.relations.rules import registered_rules

    rules = registered_rules()
    uncued = [replace(r, cues=()) for r in rules]
    seeds = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
    assert seeds
    for path in seeds:
        doc = read_document(path)
        mentions = find_mentions(doc).mentions
        assert extract_relations(doc, mentions, rules=rules) == extract_relations(doc, mentions, rules=uncued), (
            path.name
        )
