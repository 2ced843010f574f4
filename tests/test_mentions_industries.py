"""Industry names: joined names split, paragraph leads, lists of an industry's fields.

Every sentence here is invented; the names are made up or generic industry words.
"""

from __future__ import annotations

from test_mentions_helpers import chain_names, make_document

from kg.model import Document, Sentence
from loaders.lexicon.chain_names import looks_like_industry, split_joined_chain
from loaders.mentions.chain_candidates import stage_list_candidates
from loaders.mentions.entity_rules import RULES, judge
from loaders.mentions.find import find_mentions
from loaders.mentions.list_spans import KnownSpan
from loaders.mentions.lists import list_members


def _chains(doc: Document) -> dict[str, str]:
    return {m.text: m.canonical for m in find_mentions(doc).mentions if m.type == "IndustryChain"}


def _paragraphs(*paragraphs: tuple[str, ...]) -> Document:
    """A document whose paragraphs are separated by blank lines (as real files are)."""
    text, sentences = "", list[Sentence]()
    for paragraph in paragraphs:
        if text:
            text += "\n\n"
        for sentence in paragraph:
            start = len(text)
            text += sentence
            index = len(sentences)
            sentences.append(Sentence("p.txt", index, start, len(text), sentence, list(range(start, len(text)))))
    return Document("p.txt", "p.txt", "utf-8", text, sentences)


def test_split_joined_chain_gives_each_half_without_its_industry_word():
    text = "发展云杉材料及星河装备产业"
    parts = split_joined_chain(text, 2, len(text))
    assert [p.name for p in parts] == ["云杉材料", "星河装备"]
    assert text[parts[1].start : parts[1].end] == "星河装备产业"


def test_split_joined_chain_refuses_one_character_halves():
    assert split_joined_chain("汽车及其", 0, 4) == []
    assert split_joined_chain("云杉材料", 0, 4) == []


def test_a_known_joined_industry_is_split_but_a_fixed_joined_name_is_not():
    chains = _chains(make_document("全市重点发展集成电路暨新型显示产业，巩固汽车及零部件产业。"))
    assert chains["集成电路"] == "集成电路"
    assert chains["新型显示"] == "新型显示"
    assert chains["汽车及零部件"] == "汽车及零部件"


def test_a_lead_naming_joined_industries_gives_both_and_types_its_field_list():
    doc = _paragraphs(("新型显示及星河材料。", "围绕偏光膜片、柔性基板、蓝晶衬底等重点环节，提升配套能力。"))
    chains = _chains(doc)
    assert chains["新型显示"] == "新型显示"
    assert chains["星河材料"] == "星河材料"
    for segment in ("偏光膜片", "柔性基板", "蓝晶衬底"):
        assert segment in chains
    subtypes = {m.text: m.subtype for m in find_mentions(doc).mentions}
    assert subtypes["柔性基板"] == "ChainSegment"


def test_field_lists_outside_an_industry_paragraph_are_research_fields():
    doc = _paragraphs(("云杉研究院。", "围绕偏光膜片、柔性基板、蓝晶衬底等重点领域，开展研究。"))
    assert not any(s in _chains(doc) for s in ("偏光膜片", "柔性基板", "蓝晶衬底"))


def test_an_industry_lead_holds_only_for_its_own_paragraph():
    doc = _paragraphs(("集成电路。", "聚焦偏光膜片、柔性基板等领域。"), ("聚焦蓝晶衬底、银杉涂层等领域。",))
    chains = _chains(doc)
    assert "柔性基板" in chains
    assert "蓝晶衬底" not in chains


def test_an_unknown_lead_in_a_column_of_industry_leads_is_an_industry():
    doc = _paragraphs(("集成电路。", "推动发展。"), ("星河材料。", "推动发展。"), ("云杉平台。", "推动建设。"))
    chains = _chains(doc)
    assert chains["星河材料"] == "星河材料"
    assert "云杉平台" not in chains  # a platform, not an industry


def test_an_unknown_lead_alone_is_not_an_industry():
    doc = _paragraphs(("星河材料。", "推动发展。"))
    assert "星河材料" not in _chains(doc)


def test_field_members_that_are_techniques_or_products_are_not_industries():
    assert not looks_like_industry("原创算法")
    assert not looks_like_industry("乳制品")
    assert looks_like_industry("逆变器")
    doc = _paragraphs(("集成电路。", "聚焦原创算法、柔性基板、晶圆封测等方向。"))
    chains = _chains(doc)
    assert "柔性基板" in chains and "晶圆封测" in chains
    assert "原创算法" not in chains


def test_a_field_list_mostly_of_techniques_lists_research_topics():
    # Half the members or more are theories, algorithms or parts: the list is of research
    # topics, and its product-like members are no segments of the industry either.
    doc = _paragraphs(("集成电路。", "在基础理论、原创算法、柔性基板、关键部件等方向取得突破。"))
    chains = _chains(doc)
    assert "柔性基板" not in chains and "基础理论" not in chains


def test_a_counted_list_without_deng_is_typed_by_its_head():
    text = "实施星河材料、云杉装备、银杏医药三大主导产业培育计划"
    members = list_members(text, [])
    assert sorted(text[m.start : m.end] for m in members) == sorted(["星河材料", "云杉装备", "银杏医药"])
    assert {m.type for m in members} == {"IndustryChain"}


def test_a_count_after_a_single_name_is_not_a_list():
    assert list_members("打造星河材料三大主导产业", []) == []


def test_a_stray_de_before_deng_does_not_end_the_list():
    text = "围绕偏光膜片、柔性基板的等重点环节"
    members = list_members(text, [KnownSpan(0, 0, "Place")], industry_context=True)
    assert sorted(text[m.start : m.end] for m in members) == sorted(["偏光膜片", "柔性基板"])


def test_kinds_sizes_and_processes_are_not_industry_names():
    rule = RULES.get("industry-chain")
    for stem in ("知识产权密集型", "数字化", "农业千亿", "前沿", "乡村", "六位一体全"):
        assert judge(rule, stem) is not None, stem
    assert judge(rule, "应急安全") is None


def test_stacked_degree_words_moves_and_manners_are_not_industry_names():
    rule = RULES.get("industry-chain")
    for stem in ("核心关键", "重点优势", "高附加值", "技术", "全球", "中国"):
        assert judge(rule, stem) is not None, stem
    for stem in ("进军海洋生物医药", "配套支撑", "深度融入地方", "蓝色高端", "星海金属深加工高端"):
        assert judge(rule, stem) is not None, stem
    for stem in ("制造装备", "服务机器人", "检验检测", "节能环保", "新型显示", "高效节能", "高端服务"):
        assert judge(rule, stem) is None, stem


def test_industry_before_a_strong_city_is_no_chain_name():
    # "产业强市": a city strong in industry; the verb before it names no trade.
    assert _chains(make_document("全市上下奋力谱写产业强市新篇章。")) == {}


def test_a_bare_zone_word_is_the_zone_of_the_city_the_document_is_about():
    doc = _paragraphs(("合肥推进开发区建设。",), ("经开区。", "聚焦星河材料产业。"))
    found = {m.text: m for m in find_mentions(doc).mentions}
    assert found["经开区"].canonical == "合肥经济技术开发区"
    assert found["经开区"].source == "bare-zone"


def test_a_bare_zone_word_in_a_city_without_a_known_zone_takes_the_official_pattern():
    doc = _paragraphs(("宜昌推进开发区建设。",), ("高新区。", "聚焦星河材料产业。"))
    found = {m.text: m for m in find_mentions(doc).mentions}
    assert found["高新区"].canonical == "宜昌高新技术产业开发区"
    assert found["高新区"].subtype == "DevelopmentZone"


def test_a_bare_zone_word_before_any_city_is_named_is_the_zone_of_the_article_s_focus():
    doc = make_document("高新区发展迎来重大机遇。", "会议要求举全市之力打造高新区。", focus_place="济南市")
    found = {m.text: m for m in find_mentions(doc).mentions}
    assert found["高新区"].canonical == "济南高新技术产业开发区"


def test_a_zone_word_after_shi_alone_is_the_city_s_own_zone():
    doc = _paragraphs(("滁州市召开推进会。",), ("市经开区管委会副主任出席。",))
    found = {m.text: m for m in find_mentions(doc).mentions}
    assert found["经开区"].canonical == "滁州经济技术开发区"
    doc = _paragraphs(("滁州市召开推进会。",), ("全市经开区都在加快发展。",))
    assert not any(m.source == "bare-zone" for m in find_mentions(doc).mentions)  # 全市: the whole city's zones


def test_a_bare_zone_word_without_a_known_city_stays_unnamed():
    doc = _paragraphs(("经开区。", "聚焦星河材料产业。"))
    assert "经开区" not in {m.text for m in find_mentions(doc).mentions}


def test_a_zone_word_after_a_qualifier_is_not_the_city_zone():
    doc = _paragraphs(("合肥推进开发区建设，争创全国一流经开区。",))
    assert not any(m.source == "bare-zone" for m in find_mentions(doc).mentions)


def test_a_bracketed_place_inside_a_policy_zone_name_keeps_the_words_before_it():
    found = {m.text for m in find_mentions(make_document("推进星河两岸（合肥）芯片产业合作试验区建设。")).mentions}
    assert "星河两岸（合肥）芯片产业合作试验区" in found


def test_kinds_of_companies_platforms_and_places_are_not_names():
    for rule_name, stem in (
        ("enterprise", "跨国"),
        ("enterprise", "科创板上市"),
        ("platform-incubator", "国家级孵化器"),
        ("platform-center", "超级"),
        ("place-county", "百强"),
        ("place-area", "创新型"),
    ):
        assert judge(RULES.get(rule_name), stem) is not None, stem
    assert judge(RULES.get("enterprise"), "星河材料") is None


def _chain_names(sentence: str) -> set[str]:
    return chain_names(sentence)


def test_stage_and_preposition_words_before_a_chain_are_cut_off():
    # 上游/下游 say which stage a link is, 以 opens the list: no part of the names
    names = _chain_names("该项目带动了上游正极材料、下游储能电池等产业的发展。")
    assert {"正极材料", "储能电池"} <= names
    assert not any(n.startswith(("上游", "下游")) for n in names)
    names = _chain_names("某区已形成以电子信息、生物医药产业为主导的格局。")
    assert "电子信息" in names and "以电子信息" not in names


def test_place_words_and_common_verbs_go_only_before_a_known_industry():
    # 当地 is the sentence's before an industry the vocabularies know ...
    assert "车联网" in _chain_names("示范区落地后，当地车联网产业迅速崛起。")
    # ... and a name's own first word before anything else (前沿 opens 前沿新材料)
    assert "前沿新材料" in _chain_names("重点培育前沿新材料、生物医药、人工智能等产业。")


def test_counts_and_field_words_after_a_chain_are_cut_off():
    assert "绿色能源" in _chain_names("推动高端农机、绿色能源两条产业链升级。")
    assert "脑科学" in _chain_names("推动脑科学领域产业链与人才链深度融合。")
    assert "航空" in _chain_names("某省召开了两场航空产业推介会。")


def test_words_of_size_and_time_before_an_industry_are_cut_off():
    assert "星海装备" in _chain_names("规上星海装备产业产值增长12%。")
    assert "云岭医药" in _chain_names("全年云岭医药产业实现营收百亿元。")


def test_a_scope_word_before_too_plain_a_stem_leaves_no_chain():
    # 全球 says where, as 全国 does; IT alone is too plain a stem (as in "IT产业")
    assert not any("IT" in n for n in _chain_names("随着全球IT产业的发展，某市崛起。"))


def test_times_fields_and_fashions_before_the_industry_word_name_no_trade():
    for sentence in (
        "明确了今后一个时期产业转型的任务。",
        "青州迎来新一轮产业投资高峰。",
        "围绕三个风口产业加快布局。",
        "全面梳理各细分产业链的现状。",
    ):
        assert not _chain_names(sentence) & {"时期", "新一轮", "风口", "细分"}, sentence


def test_a_clause_s_verb_or_adverb_before_the_industry_word_is_no_trade():
    assert not _chain_names("青州主动承接长三角产业外溢。") & {"承接长三角", "长三角"}
    assert not any(n.startswith("亲自") for n in _chain_names("副县长兼任链长，亲自协调产业链上的难题。"))


def test_a_size_opening_a_chain_is_no_part_of_its_name():
    # "千亿元锂电产业": the size the industry is to reach, before or after a place's name
    for sentence in (
        "长兴县打造千亿元锂电产业。",
        "省里制定了《浙江省千亿元锂电产业发展规划》。",
        "培育百亿级新材料产业集群。",
    ):
        chains = _chains(make_document(sentence))
        assert set(chains.values()) <= {"锂电", "新材料"} and chains, (sentence, chains)


def test_an_industry_named_like_its_product_needs_an_industry_word():
    assert _chain_names("全力打造全国最大的电动车制造基地。") == {"电动车"}
    assert not _chain_names("每3辆电动车就有一辆使用该电池。")


def test_a_count_closing_a_list_is_no_part_of_its_last_member():
    # "A、B、C四大领域", "A、B三大新赛道": the count and its head follow the last member
    names = _chain_names("星河园区聚焦智能网联汽车、集成电路、新能源四大领域，加快集聚项目。")
    assert "新能源" in names and not any("四大" in n for n in names)
    names = _chain_names("云杉新城聚焦未来材料、未来能源、未来健康三大新赛道。")
    assert not any("三大" in n or "赛道" in n for n in names)


def test_an_activity_or_shape_word_after_a_chain_is_cut_off():
    # 研发 says what is done in the trade; 垂直 says the chain's shape, as 全 does
    names = _chain_names("园区布局了生物医药研发、激光设备研发、节能环保三大产业。")
    assert {"生物医药", "激光设备"} <= names and not any(n.endswith("研发") for n in names)
    assert "光伏" in _chain_names("某市持续壮大“硅片—电池片—组件”的光伏垂直产业链。")


def test_a_dashed_chain_map_before_an_industry_system_gives_its_links():
    names = _chain_names("某县“金属硅—拉晶—切片—电池组件”的单晶硅垂直产业体系加快成形。")
    assert {"拉晶", "切片", "电池组件", "单晶硅"} <= names and "单晶硅垂直" not in names


def test_a_scope_word_before_a_chain_says_whose_industry_it_is():
    names = _chain_names("云杉县全区新能源电池产业产值增长两成，当地菱镁产业也在升级。")
    assert {"新能源电池", "菱镁"} <= names and not names & {"全区新能源电池", "当地菱镁"}


def test_a_city_or_district_alone_before_the_industry_word_names_no_chain():
    # "某市产业": the place's industries, not an industry named after it
    assert not _chain_names("宜宾产业发展势头良好，许昌产业结构持续优化。") & {"宜宾", "许昌"}
    assert not any(n.endswith("聊城") for n in _chain_names("云杉学院聊城产业合作持续深化。"))


def test_industry_at_large_before_an_abstract_noun_names_no_trade():
    for sentence in ("某区积极承接国际产业转移。", "某厂主动调整产业结构。", "石墨烯正在引发新一轮产业变革。"):
        assert not _chain_names(sentence) & {"承接国际", "调整", "引发新一轮", "新一轮"}, sentence
    assert not _chain_names("某县吸引了大量产业链上下游企业，并培育高潜力产业。") & {"大量", "高潜力"}


def test_a_stage_list_joined_by_yiji_splits_whole_members():
    text = "初步形成了上游基板玻璃、中游显示面板以及下游显示终端的产业链。"
    names = {c.canonical for c in stage_list_candidates(text, [])}
    assert names == {"基板玻璃", "显示面板", "显示终端"}


def test_a_longer_industry_suffix_cut_by_its_next_character_leaves_the_shorter_one():
    # "产业集群化": 产业集群 is no suffix before 化, but 产业 still closes the industry's name.
    assert "低空" in chain_names("当地低空产业集群化发展步伐加快。")
    # 产业化 alone ("industrialisation") names no industry.
    assert not chain_names("推动科技成果产业化。")


def test_a_bare_city_word_before_an_industry_is_no_part_of_its_name():
    # 市 standing alone is "the city's": the industry is 光子.
    assert chain_names("去年8月18日，在市光子产业创新集群发展大会上签约。") == {"光子"}
    # 市政, 县域 and 区块链 open with such a character as words of their own.
    assert "市政工程" in chain_names("重点发展市政工程产业。")
    assert "县域经济" in chain_names("做大县域经济产业。")
    assert "区块链" in chain_names("加快发展区块链产业。")


def test_a_count_with_words_of_praise_before_its_head_closes_the_list():
    # "四大硬核赛道" counts the list; its last member ends before the count.
    assert "青柳接口" in chain_names("鼓楼区聚焦人工智能、生物医药、青柳接口四大硬核赛道。")
    assert not any("赛道" in name for name in chain_names("鼓楼区聚焦人工智能、生物医药、青柳接口四大硬核赛道。"))


def test_a_metal_names_its_industry_with_one_character_after_a_common_verb():
    chains = set(
        _chains(
            make_document("该市促进铜产业与新兴产业融合。", "县里制定铝产业发展规划。", "打造钛产业集群。")
        ).values()
    )
    assert {"铜", "铝", "钛"} <= chains
    assert not any(name in chains for name in ("促进铜", "制定铝"))


def test_a_rarer_verb_or_a_word_before_a_metal_makes_a_name_with_it_and_other_single_characters_name_none():
    chains = set(_chains(make_document("再生铝产业加快发展。", "电解铝产业链延伸。", "茶产业带动增收。")).values())
    assert {"再生铝", "电解铝"} <= chains
    assert not {"铝", "茶"} & chains


def test_an_industry_joined_by_ji_to_what_depends_on_it_is_one_chain():
    assert "有色金属及合金" in chain_names("衡阳形成了有色金属及合金产业集聚区。")
    assert "超硬材料及制品" in chain_names("全力打造超硬材料及制品产业。")
    assert not split_joined_chain("钢铝及其制品", 0, len("钢铝及其制品"))
    assert {"光伏", "新能源"} <= chain_names("发展光伏及新能源产业。")


def test_the_firms_at_a_stage_of_a_chain_are_no_link_of_it():
    assert "企业" not in chain_names("青枫公司是一家我省引进的锂电产业链下游的企业。")
    assert "正极材料" in chain_names("锂电产业链上游的正极材料、负极材料发展很快。")
