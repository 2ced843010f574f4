"""Biomedicine segments and "等<field>医学" list heads, on invented sentences."""

from test_mentions_helpers import make_document

from loaders.lexicon.chain_names import segment_terms
from loaders.lexicon.gazetteer import default_gazetteer
from loaders.mentions.find import find_mentions

_SEGMENT = ("IndustryChain", "ChainSegment")


def _typed(sentence: str) -> dict[str, tuple[str, str | None]]:
    return {m.text: (m.type, m.subtype) for m in find_mentions(make_document(sentence)).mentions}


def test_biomedicine_segments_are_in_the_vocabulary_not_the_gazetteer():
    gaz = default_gazetteer()
    for term in ("体外诊断", "基因检测", "基因测序", "基因治疗", "细胞治疗", "干细胞"):
        assert term in segment_terms()
        assert gaz.entry(term) is None


def test_medicine_field_after_deng_heads_a_segment_list():
    found = _typed("该区着力培育细胞治疗、基因测序、体外诊断等再生医学新业态。")
    assert found["细胞治疗"] == _SEGMENT
    assert found["基因测序"] == _SEGMENT
    assert found["体外诊断"] == _SEGMENT


def test_health_field_head_types_only_vocabulary_members():
    found = _typed("鼓励社区开展基因检测、慢病随访等智慧健康服务。")
    assert found["基因检测"] == _SEGMENT
    assert "慢病随访" not in found


def test_medicine_field_head_does_not_type_everyday_words():
    found = _typed("学校开设解剖、护理、药理等基础医学课程。")
    assert not {"解剖", "护理", "药理"} & set(found)


def test_medicine_field_before_a_platform_head_lists_platforms_not_segments():
    found = _typed("建设细胞治疗中心、基因检测实验室等医药创新发展平台。")
    assert all(subtype != "ChainSegment" for _, subtype in found.values())


def test_biomedicine_term_alone_is_not_a_mention():
    assert "体外诊断" not in _typed("他去医院做了一次体外诊断。")
