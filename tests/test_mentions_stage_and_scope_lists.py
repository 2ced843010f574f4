"""Segments listed without a chain word of their own, shown on invented sentences (no page
text): field lists opened by a verb of scope (涵盖/覆盖/涉及…A、B等领域), the bare stages of
making a product (设计、制造、封测), counted sub-fields ("A、B、C三大细分领域") and
"以A、B等为主的上游产业" lists of a chain's streams."""

from test_mentions_helpers import mentions_by_text as _by_text

from loaders.lexicon.chain_names import names_stages


def test_a_field_list_opened_by_a_verb_of_scope_lists_segments():
    # No industry leads the paragraph, but 涵盖 says what the firms of the zone work in.
    found = _by_text("星海园区已集聚上百家企业，涵盖硅材料、特种气体、晶圆再生、废液回收等多个领域。")
    for name in ("特种气体", "晶圆再生", "废液回收"):
        assert found[name].type == "IndustryChain"


def test_a_field_list_without_a_verb_of_scope_stays_vocabulary_only():
    # Only what the segment vocabulary knows (特种气体) is typed there.
    found = _by_text("星海园区的企业在特种气体、晶圆再生、废液回收等多个领域发力。")
    assert not {"晶圆再生", "废液回收"} & set(found)


def test_bare_stages_in_a_list_of_stages_are_segments():
    found = _by_text("云岭芯片园的企业覆盖材料、设计、封测、制造、设备及应用等领域。")
    for name in ("设计", "制造", "封测", "材料", "设备"):
        assert found[name].type == "IndustryChain"
        assert found[name].subtype == "ChainSegment"
    assert "设备及应用" not in found  # two links joined, not an industry and its uses


def test_stages_closing_a_chain_word_are_links_too():
    found = _by_text("星海市拥有集成电路设计、材料、制造、封测全产业链。")
    assert found["制造"].type == "IndustryChain"


def test_two_stages_say_what_one_firm_does():
    assert not names_stages(["研发", "设计", "制造", "销售"])
    assert names_stages(["设计", "制造", "封测"])
    found = _by_text("星海科技集设计、制造、销售于一体。")
    assert "制造" not in found and "设计" not in found


def test_a_led_list_closed_by_deng_names_its_members():
    found = _by_text("星海市已形成新型显示产业链，包括以超薄玻璃、偏光片等为主的上游产业。")
    assert found["超薄玻璃"].type == "IndustryChain"
    assert found["偏光片"].type == "IndustryChain"


def test_a_count_of_sub_fields_heads_a_list_of_segments():
    found = _by_text("新区明确了生物技术药、化学制剂、生物服务三大细分领域。")
    for name in ("生物技术药", "化学制剂", "生物服务"):
        assert found[name].subtype == "ChainSegment"


def test_a_list_closed_by_a_whole_chain_without_de_holds_links():
    found = _by_text("青柳市补齐铜材加工、冶炼、选矿、采矿完整产业链。")
    for name in ("采矿", "选矿", "冶炼", "铜材加工"):
        assert found[name].subtype == "ChainSegment"


def test_a_count_before_a_quoted_label_heads_a_list_of_industries():
    found = _by_text("青柳新区壮大医药健康、航空制造两个“千亿级”产业。")
    assert found["航空制造"].type == "IndustryChain"
    assert found["医药健康"].type == "IndustryChain"
