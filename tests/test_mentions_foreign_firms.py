"""Foreign firms named by country and own short name ("德国某某成立…"), on invented sentences."""

from test_mentions_helpers import make_document

from loaders.mentions.find import find_mentions
from loaders.mentions.short_names import foreign_company_names


def _firms(*sentences: str) -> set[str]:
    return {m.written for m in find_mentions(make_document(*sentences)).mentions if m.type == "Enterprise"}


def test_a_country_and_a_short_name_opening_a_clause_name_a_firm():
    assert "德国青枫" in _firms("生态不断完善。德国青枫成立亚洲研发中心。")
    assert "日本白鹭" in _firms("日本白鹭投资建设新工厂。")


def test_a_country_before_a_generic_word_or_a_phrase_names_no_firm():
    text = "美国政府投资基础设施。日本企业投资建厂。德国在此设立办事处。美国将投资建厂。"
    assert foreign_company_names(text) == []
    assert not any(name.startswith(("美国", "日本", "德国")) for name in _firms(text))


def test_a_country_inside_a_clause_opens_no_firm():
    # Only a clause's opening words act as the firm; "与德国…" is a partner country.
    assert foreign_company_names("我市与德国青枫成立合资公司。") == []
