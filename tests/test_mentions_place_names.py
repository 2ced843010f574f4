"""Place names on web pages, each on invented sentences: a district written bare after
its province and city, zones round a city's airport, and kind words after 下辖/所辖."""

from test_mentions_helpers import make_document

from kg.model import Mention
from loaders.lexicon.gazetteer import default_gazetteer
from loaders.mentions.chained_divisions import chained_division
from loaders.mentions.find import find_mentions


def _places(*sentences: str) -> dict[str, Mention]:
    found = find_mentions(make_document(*sentences)).mentions
    return {m.canonical: m for m in found if m.type == "Place"}


def test_a_bare_district_after_its_province_and_city_is_that_district():
    found = _places("3.浙江杭州西湖（人工智能）特色产业集群", "广东深圳南山、福田两地联动。")
    assert found["西湖区"].written == "西湖" and found["西湖区"].subtype == "District"
    assert found["南山区"].written == "南山"


def test_a_bare_name_opening_an_organisation_gives_no_district():
    # 北京海淀法院: a court; no province before the city, and the name runs on.
    found = _places("北京海淀法院发布公告。", "广东深圳南山法院发布公告。")
    assert "海淀区" not in found and "南山区" not in found


def test_a_bare_name_must_be_a_division_of_that_city():
    gaz = default_gazetteer()
    zhejiang, hangzhou = gaz.division_code("浙江省"), gaz.division_code("杭州市")
    assert zhejiang is not None and hangzhou is not None
    assert chained_division("西湖（", 0, zhejiang, hangzhou, gaz) is not None
    assert chained_division("南山（", 0, zhejiang, hangzhou, gaz) is None  # Shenzhen's, not Hangzhou's
    assert chained_division("西湖（", 0, gaz.division_code("广东省") or "", hangzhou, gaz) is None


def test_a_city_airport_zone_is_a_place_but_the_bare_word_is_not():
    found = _places("洛阳航空港引进一批项目。", "南阳航空港区建设提速。", "建设国际航空港，发展航空港经济。")
    assert found["南阳航空港区"].subtype == "DevelopmentZone"
    assert "洛阳航空港" in found
    assert not any(name.startswith(("国际", "航空港")) for name in found)


def test_a_kind_of_division_after_xiaxia_is_no_name():
    found = _places("长丰县是合肥市下辖县。", "该市所辖区中蜀山区最大。")
    assert {"长丰县", "合肥市", "蜀山区"} <= set(found)
    assert "下辖县" not in found and "所辖区" not in found


def test_an_old_town_named_by_its_own_name_is_that_town():
    found = _places("游客抵达西塘古镇后乘船游览。")
    assert found["西塘镇"].written == "西塘古镇" and found["西塘镇"].subtype is None


def test_old_towns_of_a_region_or_a_city_or_an_age_are_no_town():
    found = _places("这是一座千年古镇，也是江南古镇的代表。", "苏州古镇众多，乘船游古镇。")
    assert not any(name.endswith("镇") for name in found)
