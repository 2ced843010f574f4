"""Table rows read through their header (loaders.relations.rules.structure.tables), on invented tables."""

from __future__ import annotations

from test_relations_helpers import LEXICON, Known, fact, facts, find_known, make_document

from kg.model import Relation
from loaders.relations.engine import RelationResult, extract_relations
from loaders.relations.rules.structure.tables import HOST, LOCATION, MEMBERS, OPERATOR, OTHER, column_role

WORLD: dict[str, Known] = {
    **LEXICON,
    "新站高新区": Known("Place", "DevelopmentZone"),
    "庐江高新区": Known("Place", "DevelopmentZone"),
    "晶合集成": Known("Enterprise"),
    "通富微电": Known("Enterprise"),
    "芯片设计": Known("IndustryChain", "ChainSegment"),
    "封装测试": Known("IndustryChain", "ChainSegment"),
    "合肥": Known("Place", "City", "合肥市"),
}


def run_table(
    rows: list[str], header: str | None, section: str | None = None, lexicon: dict[str, Known] = WORLD
) -> RelationResult:
    """A heading line (when ``section`` is given) and the header row, then data rows
    carrying the header's cells as Sentence.table_header."""
    above = ([section] if section else []) + ([header] if header else [])
    texts = above + rows
    doc = make_document(texts, sections=[section] * len(texts) if section else None)
    cells = header.split("\t") if header else None
    for sentence in doc.sentences[len(above) :]:
        sentence.table_header = cells
    return extract_relations(doc, find_known(doc, lexicon))


def table_relations(result: RelationResult) -> list[Relation]:
    return [r for r in result.relations if r.rule.startswith("table-")]


def test_header_words_give_column_roles() -> None:
    assert column_role("建设地点") == LOCATION
    assert column_role("主要承载园区") == HOST
    assert column_role("链主企业") == MEMBERS
    assert column_role("依托单位") == OPERATOR
    assert column_role("项目名称") == OTHER


def test_chain_table_relates_leaders_suppliers_and_parks_to_the_rows_chain() -> None:
    result = run_table(
        ["集成电路\t晶合集成\t通富微电、京东方\t新站高新区、合肥高新区", "新能源汽车\t比亚迪\t国轩高科\t经开区"],
        "产业链\t链主企业\t重点配套企业\t主要承载园区",
    )
    got = facts(result.relations)
    for firm in ("晶合集成", "通富微电", "京东方"):
        assert fact("PART_OF_CHAIN", firm, "集成电路") in got
    assert fact("FOCUSES_ON", "新站高新区", "集成电路") in got
    assert fact("FOCUSES_ON", "合肥高新技术产业开发区", "集成电路") in got
    assert fact("PART_OF_CHAIN", "国轩高科", "新能源汽车") in got
    # Each row speaks of its own chain only.
    assert fact("PART_OF_CHAIN", "比亚迪", "集成电路") not in got
    assert fact("FOCUSES_ON", "合肥经济技术开发区", "集成电路") not in got
    rules = {(r.rule, r.confidence) for r in table_relations(result)}
    assert rules == {("table-header-columns", 0.7)}


def test_project_table_locates_the_organisation_named_in_the_project() -> None:
    result = run_table(
        [
            "1\t比亚迪新能源整车基地二期\t庐江高新区\t新增整车产能20万辆，配套动力电池",
            "2\t京东方显示模组项目\t新站高新区\t建设新型显示模组生产线",
        ],
        "序号\t项目名称\t建设地点\t主要内容",
    )
    got = facts(table_relations(result))
    assert fact("LOCATED_IN", "比亚迪", "庐江高新区") in got
    assert fact("LOCATED_IN", "京东方", "新站高新区") in got
    # The free-text content column states nothing by itself.
    assert not any(r.type in ("FOCUSES_ON", "PART_OF_CHAIN") for r in table_relations(result))


def test_platform_table_reads_operator_and_direction_columns() -> None:
    result = run_table(
        ["智能语音创新中心\t中国科大\t人工智能、量子信息"],
        "平台名称\t依托单位\t研究方向",
    )
    got = facts(table_relations(result))
    assert fact("OPERATED_BY", "智能语音创新中心", "中国科学技术大学") in got
    assert fact("FOCUSES_ON", "智能语音创新中心", "人工智能") in got
    assert fact("FOCUSES_ON", "智能语音创新中心", "量子信息") in got


def test_park_table_gives_its_industries_and_resident_leaders() -> None:
    result = run_table(["新站高新区\t新型显示、集成电路\t京东方、晶合集成"], "园区\t主导产业\t龙头企业")
    got = facts(table_relations(result))
    assert fact("FOCUSES_ON", "新站高新区", "新型显示") in got
    assert fact("FOCUSES_ON", "新站高新区", "集成电路") in got
    assert fact("LOCATED_IN", "京东方", "新站高新区") in got
    assert fact("LOCATED_IN", "晶合集成", "新站高新区") in got


def test_segment_column_parts_belong_to_the_rows_chain() -> None:
    result = run_table(["集成电路\t芯片设计、封装测试\t通富微电"], "产业链\t重点环节\t代表企业")
    got = facts(table_relations(result))
    assert fact("PART_OF", "芯片设计", "集成电路") in got
    assert fact("PART_OF", "封装测试", "集成电路") in got
    assert fact("PART_OF_CHAIN", "通富微电", "集成电路") in got


def test_segment_rows_under_a_chain_heading() -> None:
    result = run_table(
        ["芯片设计\t晶合集成", "封装测试\t通富微电"],
        "环节\t代表企业",
        section="集成电路",
    )
    got = facts(table_relations(result))
    assert fact("PART_OF", "芯片设计", "集成电路") in got
    assert fact("PART_OF", "封装测试", "集成电路") in got
    assert fact("PART_OF_CHAIN", "晶合集成", "芯片设计") in got
    assert fact("PART_OF_CHAIN", "通富微电", "封装测试") in got
    assert fact("PART_OF_CHAIN", "通富微电", "芯片设计") not in got


def test_cooperation_column() -> None:
    result = run_table(["科大讯飞\t合肥工业大学、中国科大"], "企业名称\t合作单位")
    got = facts(table_relations(result))
    assert (
        fact("COOPERATES_WITH", "合肥工业大学", "科大讯飞") in got
        or fact("COOPERATES_WITH", "科大讯飞", "合肥工业大学") in got
    )
    assert len([r for r in table_relations(result) if r.type == "COOPERATES_WITH"]) == 2


def test_a_place_inside_a_longer_cell_name_is_not_the_cells_place() -> None:
    # "合肥…科技园" is a park the lexicon does not know; 合肥 inside it is not the host.
    result = run_table(["集成电路\t晶合集成\t合肥微电子科技园"], "产业链\t链主企业\t承载园区")
    got = facts(table_relations(result))
    assert fact("PART_OF_CHAIN", "晶合集成", "集成电路") in got
    assert not any(r.type == "FOCUSES_ON" for r in table_relations(result))


def test_indicator_rows_name_no_subject() -> None:
    result = run_table(["集成电路产业规模（亿元）\t500\t合肥高新区"], "指标\t2020年\t所在园区")
    assert table_relations(result) == []


def test_rows_without_a_header_give_no_table_relations() -> None:
    result = run_table(["集成电路\t晶合集成\t新站高新区"], None)
    assert table_relations(result) == []


def test_columns_left_of_the_subject_or_beyond_the_header_are_ignored() -> None:
    result = run_table(["晶合集成\t集成电路\t新站高新区"], "链主企业\t产业链")
    # The leftmost entity is in a member column: it cannot be the subject, so nothing.
    assert table_relations(result) == []
