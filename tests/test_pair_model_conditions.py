"""Where the pair model is not applied (a place written right before an organisation's name,
a place where an agreement is signed or a meeting held), each on invented text with a close
counterpart in which the pair is still scored.

The pairs are scored by a model that takes every candidate (no weights, a high bias), so
what is left out is left out by the text's conditions alone, whatever the shipped weights
learn."""

from __future__ import annotations

from loaders.relations.pair_model import PairModel, scored_pairs
from loaders.relations.rule_examples import extract_text

ZONE = "青柳高新技术产业开发区"  # 青柳高新区, read by its suffix
TAKES_EVERY_PAIR = PairModel(weights={}, bias=10.0, threshold=0.5)


def _scored(text: str) -> set[tuple[str, str, str]]:
    """(type, head, tail) of every pair of the one-sentence ``text`` the model may score."""
    extraction = extract_text(text)
    sentence = extraction.document.sentences[0]
    mentions = [m for m in extraction.mentions if m.sentence == sentence.index]
    return {(p.type, p.head.canonical, p.tail.canonical) for p in scored_pairs(TAKES_EVERY_PAIR, sentence, mentions)}


# A place written right before an organisation's name: no focus of its own


def test_a_place_written_before_a_firms_name_is_given_no_focus() -> None:
    assert ("FOCUSES_ON", ZONE, "新材料") not in _scored("青柳高新区云杉科技有限公司已在新材料领域深耕多年。")


def test_a_place_joined_to_a_firm_by_he_keeps_its_focus() -> None:
    assert ("FOCUSES_ON", ZONE, "新材料") in _scored("青柳高新区和云杉科技有限公司已在新材料领域深耕多年。")


# Where an agreement is signed: no container


def test_firms_signing_an_agreement_in_a_place_are_not_placed_there() -> None:
    pairs = _scored("云杉科技有限公司与北辰电子有限公司在青柳高新区签订战略合作协议。")
    assert ("LOCATED_IN", "云杉科技有限公司", ZONE) not in pairs
    assert ("LOCATED_IN", "北辰电子有限公司", ZONE) not in pairs


def test_firms_building_together_in_a_place_may_be_placed_there() -> None:
    pairs = _scored("云杉科技有限公司与北辰电子有限公司在青柳高新区共建研发中心。")
    assert ("LOCATED_IN", "云杉科技有限公司", ZONE) in pairs


# Where a meeting is held: no container


def test_a_firm_at_a_forum_held_in_a_zone_is_not_placed_there() -> None:
    assert ("LOCATED_IN", "云杉科技有限公司", ZONE) not in _scored("云杉科技有限公司参加的新材料论坛在青柳高新区开幕。")


def test_a_firm_whose_project_starts_in_a_zone_may_be_placed_there() -> None:
    assert ("LOCATED_IN", "云杉科技有限公司", ZONE) in _scored("云杉科技有限公司参与的新材料项目在青柳高新区开工。")


# An industry a sentence names as one place's own is guessed to be no other place's focus


def test_a_places_own_industry_is_guessed_to_be_no_other_places_focus(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import loaders.relations.engine as engine

    monkeypatch.setattr(engine, "default_model", lambda: TAKES_EVERY_PAIR)
    extraction = extract_text("本市形成了蜀山区智能语音、瑶海区高端装备、包河区汽车零部件等3个省级特色产业集群。")
    names = {e.id: e.name for e in extraction.entities}
    focus = {(names[r.head], names[r.tail]) for r in extraction.relations if r.type == "FOCUSES_ON"}
    assert ("包河区", "汽车零部件") in focus
    assert ("瑶海区", "汽车零部件") not in focus and ("蜀山区", "高端装备") not in focus
    # with no own industry named, the guesses stand: the model takes every pair
    extraction = extract_text("蜀山区、瑶海区和包河区都在发展高端装备和汽车零部件。")
    names = {e.id: e.name for e in extraction.entities}
    focus = {(names[r.head], names[r.tail]) for r in extraction.relations if r.type == "FOCUSES_ON"}
    assert ("瑶海区", "高端装备") in focus


# "作为X的…之一，Y…": X only classes Y; what follows the comma is Y's


def test_what_a_body_is_one_of_is_paired_with_nothing_after_the_comma() -> None:
    scored = _scored("作为云岭实验室的四个方向实验室之一，滇池光电实验室依托云南大学建设。")
    assert not any(h == "云岭实验室" and t == "云南大学" for _, h, t in scored)
    assert ("OPERATED_BY", "滇池光电实验室", "云南大学") in scored


def test_a_body_named_before_a_plain_comma_is_still_paired() -> None:
    scored = _scored("云岭实验室和滇池光电实验室，依托云南大学建设。")
    assert ("OPERATED_BY", "云岭实验室", "云南大学") in scored
