"""Where the pair model is not applied (a place written right before an organisation's name,
a place where an agreement is signed or a meeting held), each on invented text with a close
counterpart in which the model still finds the relation. The whole extractor runs, pair
model on."""

from __future__ import annotations

from loaders.relations.pair_model import RULE_NAME as PAIR_MODEL
from loaders.relations.rule_examples import extract_text

ZONE = "青柳高新技术产业开发区"  # 青柳高新区, read by its suffix


def _by_rule(text: str) -> set[tuple[str, str, str, str]]:
    """(type, head name, tail name, rule) for each relation the extractor finds in ``text``."""
    extraction = extract_text(text)
    names = {e.id: e.name for e in extraction.entities}
    return {(r.type, names[r.head], names[r.tail], r.rule) for r in extraction.relations}


def _found(text: str) -> set[tuple[str, str, str]]:
    return {(t, h, tl) for t, h, tl, _ in _by_rule(text)}


# (6) pair model, FOCUSES_ON: a place written right before an organisation's name


def test_a_place_written_before_a_firms_name_is_given_no_focus_by_the_pair_model() -> None:
    got = _found("青柳高新区云杉科技有限公司已在新材料领域深耕多年。")
    assert ("FOCUSES_ON", ZONE, "新材料") not in got


def test_a_place_joined_to_a_firm_by_he_keeps_the_pair_models_focus() -> None:
    got = _by_rule("青柳高新区和云杉科技有限公司已在新材料领域深耕多年。")
    assert ("FOCUSES_ON", ZONE, "新材料", PAIR_MODEL) in got


# (7) pair model, LOCATED_IN/PART_OF: where an agreement is signed


def test_firms_signing_an_agreement_in_a_place_are_not_placed_there() -> None:
    got = _found("云杉科技有限公司与北辰电子有限公司在青柳高新区签订战略合作协议。")
    assert ("LOCATED_IN", "云杉科技有限公司", ZONE) not in got
    assert ("LOCATED_IN", "北辰电子有限公司", ZONE) not in got


def test_firms_building_together_in_a_place_are_placed_there_by_the_pair_model() -> None:
    got = _by_rule("云杉科技有限公司与北辰电子有限公司在青柳高新区共建研发中心。")
    assert ("LOCATED_IN", "云杉科技有限公司", ZONE, PAIR_MODEL) in got


# (8) pair model, LOCATED_IN/PART_OF: where a meeting is held


def test_a_firm_at_a_forum_held_in_a_zone_is_not_placed_there() -> None:
    got = _found("云杉科技有限公司参加的新材料论坛在青柳高新区开幕。")
    assert ("LOCATED_IN", "云杉科技有限公司", ZONE) not in got


def test_a_firm_whose_project_starts_in_a_zone_is_placed_there_by_the_pair_model() -> None:
    got = _by_rule("云杉科技有限公司参与的新材料项目在青柳高新区开工。")
    assert ("LOCATED_IN", "云杉科技有限公司", ZONE, PAIR_MODEL) in got
