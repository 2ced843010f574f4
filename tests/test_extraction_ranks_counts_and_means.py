"""Words before a name that are not part of it (a rank, a count, a verb of belonging, 当地,
共有, a time of the month), and organisations a clause relies on that are not its subject; each on an invented
sentence. (The relations' examples are in loaders/lexicon/data/rule_examples/.)"""

from __future__ import annotations

import pytest
from test_mentions_helpers import names_of_class, relation_triples


def _names(sentence: str, cls: str) -> set[str]:
    return names_of_class(sentence, cls, canonical=True)


def _relations(text: str) -> set[tuple[str, str, str]]:
    return relation_triples(text)


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        ("作为省级医疗器械产业链“链主”的星河科技集团有限公司，营收再创新高。", "医疗器械"),
        ("两市正积极打造国家级精细化工产业集群区。", "精细化工"),
    ],
)
def test_a_rank_before_an_industry_is_not_part_of_its_name(sentence: str, chain: str) -> None:
    names = _names(sentence, "IndustryChain")
    assert chain in names
    assert not {n for n in names if n.startswith(("级", "省级", "国家级"))}


def test_a_province_before_an_industry_is_still_cut_off() -> None:
    assert _names("安徽省新能源汽车产业再上台阶。", "IndustryChain") == {"新能源汽车"}


@pytest.mark.parametrize(
    "sentence",
    ["全力推进8条新材料产业链的延链补链强链。", "2023年度新材料领军企业名单公布。"],
)
def test_a_counted_or_dated_word_does_not_modify_new_materials(sentence: str) -> None:
    assert _names(sentence, "IndustryChain") == {"新材料"}


def test_a_noun_before_new_materials_still_names_the_industry() -> None:
    assert _names("当地大力发展菱镁新材料产业。", "IndustryChain") == {"菱镁新材料"}


@pytest.mark.parametrize(
    ("sentence", "firm"),
    [
        ("云杉航空工业有限公司和星河宇航科技股份有限公司2家企业属于星河航空集团有限公司。", "星河航空集团有限公司"),
        ("当地星河汽车部件集团有限公司的内饰项目投产。", "星河汽车部件集团有限公司"),
        ("园区共有云杉化学工业有限公司等企业。", "云杉化学工业有限公司"),
    ],
)
def test_belonging_local_and_counting_words_open_no_firm(sentence: str, firm: str) -> None:
    assert firm in _names(sentence, "Enterprise")


def test_a_time_of_the_month_opens_no_laboratory() -> None:
    labs = _names("继本月月初云杉协同计算技术国家重点实验室获批后，又有新成果。", "Laboratory")
    assert labs == {"云杉协同计算技术国家重点实验室"}


def test_a_name_holding_those_characters_is_kept_whole() -> None:
    assert "星河有色金属集团有限公司" in _names("星河有色金属集团有限公司投产。", "Enterprise")


def test_firms_a_clause_relies_on_are_its_means_not_its_subject() -> None:
    text = (
        "济宁市将坚持规模扩张和产业提升并重。依托星河股份、云杉重工等龙头企业，重点发展工程机械、数控机床等优势产业。"
    )
    got = _relations(text)
    assert ("FOCUSES_ON", "济宁市", "工程机械") in got
    assert ("FOCUSES_ON", "济宁市", "数控机床") in got


def test_a_firm_that_opens_the_clause_is_its_subject() -> None:
    text = "济宁市将坚持规模扩张和产业提升并重。星河科技股份有限公司依托自身优势，重点发展工程机械。"
    assert ("FOCUSES_ON", "济宁市", "工程机械") not in _relations(text)
