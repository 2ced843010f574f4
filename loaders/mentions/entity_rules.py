"""Rules that find names the gazetteer does not know, by the form of the name.

Each rule is a named :class:`EntityRule` in the registry :data:`RULES` (spaCy-style: a
rule is looked up and reported by its name). A rule names the suffixes that end a name
of its class (…重点实验室, …有限公司, …产业); a single Aho-Corasick pass finds every
suffix, and :func:`left_boundary` decides where the name starts, which is the hard part:
it walks the words before the suffix right to left and stops at punctuation, verbs,
function words and numerals, preferring a too-short name to one that swallows a verb
phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import ahocorasick_rs
import rjieba

from loaders import ablation
from loaders.lexicon.chain_names import is_vocabulary_term
from loaders.lexicon.matcher import fix_ocr
from loaders.lexicon.place_names import KNOWN_PLACES
from loaders.lexicon.segmenter import segment
from loaders.mentions.chain_words import is_verb_phrase


def _words(text: str) -> list[str]:
    """A word list written as one space-separated string, for readability."""
    return text.split()


MAX_NAME_CHARS = 24  # longest left context a name may take before its suffix

# Characters that can never be inside a name.
# A space is one too, except where PDF extraction put it between a Latin/digit run and a
# Han character ("长三角 G60 科创走廊", "DRAM 产业"): there it is inside the name.
_HARD_STOP = re.compile(
    r"[，。；：、！？,.;:!?“”‘’\"'《》〈〉【】\[\]{}|/·•・‧…+＋=%％（）()]"
    # a hyphen or a single dash stops a name, except between two Han characters: it joins
    # the partners of a joint body there ("浙江大学-华为联合实验室", "中国—某国联合实验室",
    # "中-塔…联合实验室"); a doubled dash (——) is punctuation
    r"|[-—](?![\u4e00-\u9fff])|(?<![\u4e00-\u9fff])[-—]"
    r"|\s(?!(?<=[A-Za-z0-9]\s)[\u4e00-\u9fff])(?!(?<=[\u4e00-\u9fff]\s)[A-Za-z0-9])"
)
# Everything up to and including the last hard stop of a window (matched at the
# window's start, with the window's end as endpos, so no slice is made).
_HARD_STOP_RUN = re.compile(r".*(?:" + _HARD_STOP.pattern + ")", re.DOTALL)
# A short parenthesised place inside a company name: 本源量子计算科技（合肥）股份有限公司.
_INNER_PARENS = re.compile(r"[（(][\u4e00-\u9fff]{2,6}[）)]")
_NUMERAL = re.compile(r"^[0-9０-９一二三四五六七八九十百千万两几多数]+[个家所项座批类只位条大]?$")

# Words that end a name when met walking left (loaders/lexicon/data/name_stop_words.txt).
STOP_WORDS = frozenset(
    _words(
        "\n".join(
            line
            for line in resources.files("loaders.lexicon")
            .joinpath("data/name_stop_words.txt")
            .read_text(encoding="utf-8")
            .splitlines()
            if not line.startswith("#")
        )
    )
)

STOP_VERBS = frozenset(w for w in STOP_WORDS if len(w) == 2)
_PARENS = re.compile(r"[（(][^（）()]*[）)]")
_ASIDES = re.compile(r"[（(][^（）()]*[）)]|“[^“”]*”")

# A name never opens with these: 某 hides a name ("某通信公司"), 最 ranks a kind
# ("最具投资价值锂电产业园"). (某某 stands for a name in templates and examples, and is kept.)
_NO_NAME_OPENING = re.compile("^(?:最|某(?!某))")
# A ranking inside the words before a kind makes an award or a league table, not a name
# ("亚洲最佳孵化器", "全国十佳产业园"), or praise ("亚洲最大某某研发中心").
_RANKING = re.compile("最佳|最具|最大|十佳|十大|十强|百强|五十强")
_ADMINISTRATIVE_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}(?:省|市|自治区)")
_GROUP = "集团"
# "…国际科技创新中心", "…区域科技创新中心": a status a city or region is to reach.
_CENTRE_RULE = "platform-center"
_DESIGNATION_STEMS = ("国际科技", "区域科技", "区域性科技", "全国科技", "全球科技")
_PROVINCE_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}(?:省|自治区)")
# Leading words that make a name generic when nothing else is left (一批重点实验室).
GENERIC_PREFIXES = (
    "首批",
    "高标准",
    "高能级",
    "省部级以上",
    "省部级",
    "千亩",
    "万亩",
    "我市",
    "全市",
    "我省",
    "全省",
    "本市",
    "本省",
    "我国",
    "全国",
    "各类",
    "各级",
    "一批",
    "一大批",
    "大批",
    "一系列",
    "众多",
    "诸多",
    "一个",
    "多个",
    "若干",
    "省级",
    "市级",
    "区级",
    "县级",
    "国家级",
    "高水平",
    "一流",
    "相关",
    "重大",
    "重点",
    "新型",
    "新建",
    "现有",
    "其他",
    "各",
    "该",
    "省",
    "市",
    "国家",
    "新",
    "世界一流",
    "世界",
    "国际",
    "研究型",
    "应用型",
    "专业化",
    "科技企业",
    "领域类",
    "产业",
    "现代",
    "顶级",
    "院士",
    "基础学科",
    "战略",
    "大院大所",
    "国内",
    "国外",
    "首批",
    "全国性",
    "首个",
    "第二个",
    "第一个",
    "世界级",
)


@dataclass(frozen=True, slots=True)
class EntityRule:
    """Names ending in one of ``suffixes`` are of class ``type``."""

    name: str
    suffixes: tuple[str, ...]
    type: str
    subtype: str | None = None
    keep_suffix: bool = True  # False: the canonical name drops the suffix (产业)
    min_stem: int = 2  # characters a name needs before its suffix, after generic words
    max_stem: int = MAX_NAME_CHARS
    generic_stems: frozenset[str] = frozenset()  # whole stems that are category words
    bad_next: str = ""  # a following character that shows the suffix is inside a word
    # Following words that make the suffix a modifier of a longer noun ("产业强市": a city
    # strong in industry, whatever verb stands before it)
    bad_next_words: tuple[str, ...] = ()
    generic_tails: tuple[str, ...] = ()  # stems ending so are common nouns (…基础设施)
    report_drops: bool = True  # False for suffixes so common (…区) that drops are noise
    needs_place_prefix: bool = False  # the name must start with a known place (合肥…示范区)
    stem_needs: tuple[str, ...] = ()  # words of which the stem must hold one (a branch's parent)
    # A known owner's name before the suffix makes no kind word a name: the words after it
    # must name the unit on their own ("某某集团研发中心", "某某大学科技成果转化平台" describe
    # the owner's units; the owner is the mention)
    owner_words_must_name: bool = False


@dataclass(frozen=True, slots=True)
class RuleCandidate:
    start: int  # offsets in the sentence's cleaned text
    end: int
    name: str  # the text of the name, text[start:end]
    stem: str  # the name without its suffix and leading place/generic words
    rule: EntityRule
    # Why the name is not a usable entity name ("generic-name"...), None when it is.
    rejected: str | None = None


@dataclass(slots=True)
class RuleRegistry:
    """Named entity rules; suffixes map to the rule that owns them."""

    _rules: dict[str, EntityRule] = field(default_factory=dict)

    def register(self, rule: EntityRule) -> EntityRule:
        if rule.name in self._rules:
            raise ValueError(f"rule {rule.name!r} registered twice")
        self._rules[rule.name] = rule
        return rule

    def get(self, name: str) -> EntityRule:
        return self._rules[name]

    def __iter__(self) -> Iterator[EntityRule]:
        return iter(self._rules.values())

    def names(self) -> list[str]:
        return list(self._rules)

    def by_suffix(self) -> dict[str, EntityRule]:
        table: dict[str, EntityRule] = {}
        for rule in self._rules.values():
            for suffix in rule.suffixes:
                if suffix in table:
                    raise ValueError(f"suffix {suffix!r} claimed by two rules")
                table[suffix] = rule
        return table


# Technology at large, scopes (whose), degree (how valuable), times (时期, 新一轮), parts
# and fields (方面, 细分), roles (主体), pointers (上述, 这场) and fashion (风口, 地标): no
# trade is named by any of them before 产业.
CHAIN_CATEGORY_STEMS = frozenset(
    _words("""战略性新兴 新兴 未来 主导 传统 优势 支柱 核心 重点 特色 高新技术 数字 现代 战新 相关
    上下游 配套 制造 实体 新兴支柱 高质量 高质量优势 跨区域 关键 链式
    首位 当家 基础 先导 现代化 生产性服务 服务 本地 地方 全 整个 科创 全要素 高新科技 高端科技
    该 这些 各 其他 等 区域 城市 农村 文化 绿色 新 大 高端 新型 关联 头部 我市 合肥 全市
    乡村 前沿 科技 高科技 政府 都市 县域 园区 同类 同行业 高技术 制造业 历史经典
    创新链 资金链 人才链 供应链 价值链 政策链 服务链 科技创新 技术创新 全生命周期 全周期 全链条 全流程
    技术 全球 中国 国内 海外 境外 新时代
    高附加值 高精尖 高成长 高增长 高附加
    时期 时代 新一轮 方面 领域 细分 专项 主体 单一 集群 上述 这场 风口 地标 顶尖""")
)
# Category words that name a broad trade: alone a kind of industry, after a degree word
# an industry ("高端服务", "现代服务"), unlike degree words stacked ("核心关键").
CATEGORY_TRADES = frozenset(_words("服务 生产性服务 制造 制造业 文化 数字 科技 高科技 高技术 科创 绿色"))
# Stems ending so are kinds or amounts, not industries: …密集型 (a kind), 数字化 (a
# process), 千亿 (a size).
CHAIN_CATEGORY_TAILS = tuple(
    _words("新兴 优势 主导 支柱 传统 特色 重点 重大 核心 相关 未来 首位 先导 战略性 配套 上下游 型 化 亿 级 龙头")
    # whose industry, not which: "…地方产业", "…本地产业" are a place's own trades
    + _words("地方 本地")
)
COMPANY_GENERIC_STEMS = frozenset(
    _words("""子 分 上市 该 本 母 平台 投资 科技 龙头 头部 链主 国有 民营 外资 合资 控股 参股 独角兽
    瞪羚 企业 相关 我市 运营 管理 建设 发展 控股子 全资子 参股子 孙
    高校 院所 高校院所 科研院所 科研机构 机构 单位 大学""")
)
PLACE_GENERIC_STEMS = frozenset(
    _words("""示范 集中 试验 园 社 片 景 地 辖 湾 厂 市 城 功能 聚集 集聚 先行 承接 保护 服务 生态
    核心 起步 产业 合作 自贸 保税 综保 老城 主城 城 郊 矿 山 库 街 校 院 开发 高新 新 重点
    各 全 我 本 该 原 老 两 三 百强 千强 联动 高新技术 部分
    下辖 所辖 管辖 直辖 直管 托管 代管
    专业 科技
    等地""")
)
# (下辖县, 所辖区, 直管区: a kind of division or the part of a zone a body runs, no name;
# 专业园区, 科技创新园: kinds of park; "甲、乙等地区": 等 closes a list before 地区.)

# Kinds of college, not names: 高等工程师学院, 卓越工程师学院, 现代产业学院, 职业学院.
UNIVERSITY_KIND_STEMS = frozenset(
    _words("""高等 高等工程师 卓越工程师 工程师 现代产业 未来技术 产业 职业 职业技术 技师 技工 本科 高职
    示范性 研究生 特色 重点 一流 新型 该 本 各 这所 一所 多所 知名 著名 国内 国外 海外 国际 中外合作""")
)
# A field alone before 小镇/新城 makes a kind of town ("金融小镇", "智慧新城", "科学新城",
# "特色小镇"), not one town; a town's name has a place or a proper word in it.
PLACE_KIND_STEMS = frozenset(
    _words("金融 智慧 科学 科技 创新 数字 生态 文化 特色 智能 健康 产业 基金 双创 创客 未来 国际 现代")
)
TOWN_GENERIC_STEMS = frozenset(
    _words("城市 社区 主要 所在 中心 建制 特色 乡镇 城乡 所有 全部 附近 周边 内含 包含 下辖")
    # days before a town's name: "今日某镇" is today's news of it (a site's column, "今日镇海")
    + _words("今日 今天 昨日 近日 如今 昔日")
)
PLATFORM_GENERIC_STEMS = frozenset(
    _words("""工程 技术 研发 企业 产业 创新 制造业 区域 国家 省级 市级 国家级 公共 共享 服务 综合 科技
    双创 应用 临床 医学 数据 计算 超级计算 超级 政务 综治 指挥 运营 产业技术 企业技术 国际 联合
    质量监督 质检 检测 食品 药品 计量 大规模""")
)
# Words that end a description of a firm's R&D centre (its rank, reach or field at large),
# not a name: 企业技术研发中心, 国家级研发中心, 全球研发中心, 新产品研发中心.
RND_CENTRE_KIND_TAILS = tuple(
    _words("""企业 企业技术 工程技术 关键技术 核心技术 共性技术 研发 产品 新产品 工艺 自主
    国家级 省级 市级 区级 总部 区域 全球 海外 国内 亚洲 亚太 华东 华南 华北 西南 中国 联合 共同 共性 设计 创新 科技""")
    # a firm's numbered centre is one of its units, not a named platform (某某全球第二研发中心)
    + _words("第一 第二 第三 第四 第五")
)
# Words that end a description of a platform's work, not a name: 成果转化平台, 科技成果转化
# 平台, 检验检测平台, 大数据平台, 开放共享平台, 产学研公共平台.
PLATFORM_WORK_KIND_TAILS = tuple(
    _words("""成果 科技成果 技术成果 检验 第三方 大数据 开放 资源 仪器 设备 仪器设备 产学研 协同 综合 一站式
    技术 关键技术 共性技术 产业技术 企业 产品 新产品 中试 转移 技术转移 合作 联合 自主 创新 科技 科研 服务
    国家级 省级 市级 大""")  # (…大|数据平台: a big-data platform of a kind)
)
PARK_SUFFIXES = (
    "生物城",  # 某某生物城: a biotech park
    "软件园",
    "研创园",
    "协作区",  # 某某产业协作区: a cross-city cooperation area, a place
    "产业园区",
    "主题园区",  # 某某产业主题园区: a park given over to one industry, named by it
    "化工园区",  # chemical parks are named by their place ("某某化工园区", 化工园区认定)
    "化工园",
    "分园区",  # 某某分园区: the part of a zone in one county, named by that county
    "工业园区",
    "科技园区",
    "科学园区",
    "示范园区",
    "产业园",
    "工业园",
    "科技园",
    "科学园",
    "创新园",
    "科创园",  # 某某科创园: a park for science and technology firms, as 科技园
    "文化园",
    "法务区",
    "产业港",
    "科创湾",
    "高科技区",
    "高教区",  # 某某高教区, 某某大学城: campuses of several colleges, a district of a city
    "大学城",
)
# Policy zones (…示范区/试验区) are mostly category words ("国家自主创新示范区"); one is
# a named place only when it is qualified by a known place ("合肥…试验区").
POLICY_ZONE_SUFFIXES = (
    "集聚区",
    "示范区",
    "试验区",
    "合作区",
    "先行区",
    "发展区",
    "产业功能区",  # 某市某某产业功能区: the industrial functional areas Chengdu and others name
    "起步区",  # 某市某某起步区 / 启动区: the first-built part of a new area
    "启动区",
    # 某市某某产业基地: a place's industrial base. Bases named by a firm or a college are
    # its plants, and "国家某某产业基地" is a title many places hold, so a place opens it.
    "产业基地",
    "综合保税区",
    "保税区",
    "保税港区",
    "临空经济区",
    "经济区",
    "航空港区",  # 某市航空港区: the zone round a city's airport, named by the city
    "空港新区",
    "航空港",
)
PLACE_GENERIC_TAILS = tuple(_words("示范 先行 试点 核心 功能 重点 特色 保护 集中 综合 国家级 省级 市级 型"))

RULES = RuleRegistry()
for _rule in (
    EntityRule("lab-national", ("国家实验室",), "Laboratory", "NationalLaboratory"),
    EntityRule("lab-national-key", ("全国重点实验室", "国家重点实验室"), "Laboratory", "NationalKeyLaboratory"),
    EntityRule("lab-provincial", ("省实验室",), "Laboratory", "ProvincialLaboratory"),
    EntityRule("lab-engineering", ("国家工程实验室", "工程实验室"), "Laboratory", "EngineeringLaboratory"),
    EntityRule("lab-key", ("重点实验室",), "Laboratory"),
    EntityRule("lab", ("联合实验室", "实验室"), "Laboratory", min_stem=3),
    EntityRule(
        "institute",
        ("研究院", "研究所", "科学院", "创新院"),
        "ResearchInstitute",
        generic_stems=frozenset(_words("高校 大学 企业 新型 产业 专业 综合 综合性 国家级 省级 市级 一批")),
    ),
    # An academy's branch in a city ("某省科学院某市分院"); a hospital's 分院 is none.
    EntityRule("institute-branch", ("分院",), "ResearchInstitute", min_stem=4, stem_needs=("科学院", "研究院")),
    EntityRule(
        "university",
        ("大学", "学院"),
        "University",
        bad_next="生城毕",  # 大学毕业生
        generic_stems=UNIVERSITY_KIND_STEMS,
    ),
    EntityRule(
        "facility",
        ("实验装置", "科学装置", "装置", "实验设施", "研究设施", "设施", "光源", "实验平台"),
        "LargeScientificFacility",
        min_stem=3,
        generic_stems=frozenset(_words("大科学 重大科技 科学 科技基础")),  # kinds: 大科学设施
        # "材料和信息科学设施": a field of science before 设施 says what kind of facility.
        generic_tails=("基础", "配套", "休闲", "休憩", "处理", "防护", "物流", "背", "科学"),
    ),
    EntityRule(
        "enterprise",
        ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司"),
        "Enterprise",
        generic_stems=COMPANY_GENERIC_STEMS,
        # Kinds of company, not names: 跨国公司, 科创板上市公司, 城市医疗集团, 大企业大集团;
        # and a company's tie to another: 母公司, 控股子公司, 全资子公司.
        generic_tails=("跨国", "上市", "医疗", "大企业大", "国有", "民营", "外资", "母", "控股子", "全资子", "参股子"),
        bad_next="化",
    ),
    EntityRule("platform-tech", ("技术创新中心",), "InnovationPlatform", "TechnologyInnovationCenter"),
    EntityRule(
        "platform-engineering",
        ("工程技术研究中心", "工程（技术）研究中心", "工程研究中心"),
        "InnovationPlatform",
        "EngineeringResearchCenter",
    ),
    EntityRule("platform-industry", ("产业创新中心", "制造业创新中心", "综合性国家科学中心"), "InnovationPlatform"),
    # Named centres and platforms that are not institutes (annotation guide: 联合中心,
    # 研究平台, …创新中心); a 研究中心 is a platform, an institute is a 研究院/所.
    EntityRule(
        "platform-center",
        (
            "联合研究中心",
            "联合研发中心",
            "产业服务中心",  # 某某集成电路产业服务中心: a named public platform
            "公共服务平台",
            "研究中心",
            "创新中心",
            "联合中心",
            "促进中心",
            "推进中心",
            "计算中心",
            "智算中心",  # 某某智算中心 / 超算中心: named computing centres, like 计算中心
            "超算中心",
            "医学中心",
            "临床中心",
            "基因中心",
            "检验中心",  # 国家…质量监督检验中心: a national inspection platform
            "技术转移中心",  # 某某技术转移中心: a named transfer platform
            "创新港",  # 某某科技创新港: a named innovation campus run as a platform
            "质检中心",
            "育成中心",  # incubation centres of an institute's industries
            "概念验证中心",  # proof-of-concept and pilot-scale platforms of a named owner
            "中试基地",
        ),
        "InnovationPlatform",
        generic_stems=PLATFORM_GENERIC_STEMS,
        generic_tails=("协同", "临床医学", "应急医学", "成果转化", "海内外", "场景", "场景创新", "创新"),
    ),
    # A named R&D centre says what it develops or whose it is ("某某光通信研发中心",
    # "某某汽车（中国）研发中心"); the words a firm's own centre is described by name none
    # ("企业技术研发中心", "省级研发中心", "全球研发中心").
    EntityRule(
        "platform-rnd",
        ("研发中心",),
        "InnovationPlatform",
        min_stem=3,
        generic_stems=PLATFORM_GENERIC_STEMS,
        generic_tails=RND_CENTRE_KIND_TAILS,
        owner_words_must_name=True,
    ),
    # A university's or institute's base in another city is named "<owner><city>分中心"
    # (某某大学技术转移某市分中心, 某某研究院某市双创基地). A city alone before the word
    # ("（某市分中心）") names no base: the stem must say whose it is; a branch centre's
    # stem holds its parent organisation's kind word.
    EntityRule(
        "platform-branch",
        ("分中心",),
        "InnovationPlatform",
        min_stem=4,
        generic_stems=PLATFORM_GENERIC_STEMS,
        stem_needs=tuple(_words("大学 学院 研究院 研究所 实验室 中心 设施 装置 科技园 平台")),
    ),
    EntityRule(
        "platform-base",
        ("双创基地", "双基地", "孵化基地", "加速基地"),
        "InnovationPlatform",
        min_stem=4,
        generic_stems=PLATFORM_GENERIC_STEMS,
        generic_tails=("创业", "科技", "技术"),  # 科技创业孵化基地: a kind of base
    ),
    # A named industry platform ("中国视界产业平台"). (…创新平台, …研究平台 were tried:
    # mostly descriptions of kinds, "前沿交叉研究平台".)
    EntityRule(
        "platform-named",
        ("产业平台",),
        "InnovationPlatform",
        min_stem=3,
        generic_stems=PLATFORM_GENERIC_STEMS,
        generic_tails=("公共", "共享", "协同", "综合", "科技", "技术", "开放", "双创", "科研", "研发"),
    ),
    # A platform named by what it does for a field ("某某材料制备平台", "某某药物研发平台",
    # "某某数据平台"): long, specific stems only, for most such words describe a kind
    # ("技术研发平台", "成果转化平台", "检验检测平台").
    EntityRule(
        "platform-work",
        (
            *("研发平台", "研制平台", "转化平台", "检测平台", "数据平台"),
            *("制备平台", "评价平台", "共享平台", "公共平台"),
            # pilot and test platforms of a named field or device ("某某装备中试平台")
            *("中试验证平台", "中试平台", "验证平台", "试验平台"),
        ),
        "InnovationPlatform",
        min_stem=5,
        generic_stems=PLATFORM_GENERIC_STEMS,
        generic_tails=PLATFORM_WORK_KIND_TAILS,
        owner_words_must_name=True,
    ),
    # Engineering centres and named innovation platforms; long, specific stems only: most
    # "…创新平台" are kinds ("协同创新平台", "开放创新平台").
    EntityRule(
        "platform-engineering-short",
        ("工程中心",),
        "InnovationPlatform",
        "EngineeringResearchCenter",
        min_stem=4,
        generic_stems=PLATFORM_GENERIC_STEMS,
        generic_tails=("重大", "技术", "研究", "国家", "省级", "市级"),
    ),
    EntityRule(
        "platform-innovation",
        ("创新平台",),
        "InnovationPlatform",
        min_stem=5,
        generic_stems=PLATFORM_GENERIC_STEMS,
        generic_tails=(
            *("协同", "开放", "共享", "公共", "综合", "重大"),
            *("国家级", "省级", "市级", "产业", "技术", "研发"),
        ),
    ),
    EntityRule(
        "platform-incubator",
        ("孵化器", "众创空间", "加速器", "创业咖啡"),
        "InnovationPlatform",
        "Incubator",
        generic_tails=("孵化器", "加速器", "应用超导"),  # "孵化器众创空间": two kinds listed
    ),
    EntityRule(
        "place-zone",
        ("高新技术产业开发区", "经济技术开发区", "高新区", "经开区", "开发区", "新区"),
        "Place",
        "DevelopmentZone",
        generic_stems=PLACE_GENERIC_STEMS,
        generic_tails=("院",),  # 市三院新区: a hospital's new campus
    ),
    EntityRule(
        "place-science-city", ("科学城", "科技城", "科创城"), "Place", "ScienceCity", generic_stems=PLACE_GENERIC_STEMS
    ),
    # Named parks, clusters, pilot zones, towns and corridors are places (guide: "named
    # parks and bases that are places").
    EntityRule(
        "place-park",
        PARK_SUFFIXES,
        "Place",
        "DevelopmentZone",
        generic_stems=PLACE_GENERIC_STEMS,
        generic_tails=PLACE_GENERIC_TAILS,
    ),
    EntityRule(
        "place-area",
        ("小镇", "新城", "走廊", "都市圈", "经济带", "医药港", "片区"),
        "Place",
        generic_stems=PLACE_GENERIC_STEMS | PLACE_KIND_STEMS,
        generic_tails=PLACE_GENERIC_TAILS,
        bad_next="市",  # 创新城市: a city that innovates, not a 新城
    ),
    EntityRule(
        "place-policy-zone",
        POLICY_ZONE_SUFFIXES,
        "Place",
        "DevelopmentZone",
        generic_stems=PLACE_GENERIC_STEMS,
        report_drops=False,
        needs_place_prefix=True,
    ),
    # "中国声谷", "未来能源谷": a valley of one industry; one character, so short stems only.
    EntityRule(
        "place-valley",
        ("谷",),
        "Place",
        "DevelopmentZone",
        max_stem=6,
        generic_stems=PLACE_GENERIC_STEMS,
        bad_next="物歌底地堆",
        report_drops=False,
    ),
    EntityRule(
        "place-county",
        ("县",),
        "Place",
        "County",
        min_stem=2,
        max_stem=4,
        generic_stems=PLACE_GENERIC_STEMS,
        report_drops=False,
    ),
    EntityRule(
        "place-district",
        ("区",),
        "Place",
        "District",
        min_stem=2,
        max_stem=3,
        generic_stems=PLACE_GENERIC_STEMS,
        bad_next="域",  # 中心区域, 核心区域: the word for an area, not a district
        report_drops=False,
    ),
    # Towns and sub-districts (乡镇, 街道): short proper stems; the words a field or a kind
    # makes with 镇 (城镇, 工业重镇, 特色小镇 is place-area's) are no names.
    EntityRule(
        "place-town",
        ("街道", "镇", "乡"),
        "Place",
        min_stem=2,
        max_stem=3,
        generic_stems=PLACE_GENERIC_STEMS | TOWN_GENERIC_STEMS,
        # (…水乡, 家乡, 故乡, 离乡: words for a home or a landscape, not townships.)
        generic_tails=("重", "名", "古", "城", "乡", "村", "集", "小", "强", "市", "坐", "街", "各", "全")
        + ("水", "家", "故", "离", "返", "还", "下", "之", "梦", "异", "他", "本", "同", "思"),
        bad_next="镇村",  # 乡镇, 乡村: the words for townships and the countryside
        report_drops=False,
    ),
    EntityRule(
        "industry-chain",
        ("产业集群", "产业链", "产业"),
        "IndustryChain",
        keep_suffix=False,
        max_stem=10,
        generic_stems=CHAIN_CATEGORY_STEMS,
        bad_next="化园基平",  # 产业化, 产业园, 产业基地, 产业平台: not a chain name
        bad_next_words=("强市", "强省", "强区", "强县", "强国"),
    ),
):
    RULES.register(_rule)


@dataclass(frozen=True, slots=True)
class _SuffixIndex:
    automaton: ahocorasick_rs.AhoCorasick
    suffixes: list[str]
    rules: list[EntityRule]
    joinable: bool  # no suffix and no bad next character is the separator of suffix_hits_each


@lru_cache(maxsize=1)
def _suffix_index() -> _SuffixIndex:
    table = RULES.by_suffix()
    suffixes = list(table)
    # A DFA: a few suffixes make it small, and it searches about twice as fast.
    automaton = ahocorasick_rs.AhoCorasick(
        suffixes,
        matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
        implementation=ahocorasick_rs.Implementation.DFA,
    )
    rules = [table[s] for s in suffixes]
    joinable = not any(_SEPARATOR in s for s in suffixes) and not any(_SEPARATOR in r.bad_next for r in rules)
    return _SuffixIndex(automaton, suffixes, rules, joinable)


def _window_floor(text: str, suffix_start: int) -> int:
    """Leftmost offset a name ending at ``suffix_start`` may start at."""
    floor = max(0, suffix_start - MAX_NAME_CHARS)
    # The character after the window is searched too, so that a space right before the
    # suffix sees its right neighbour; a stop found there is not in the window.
    endpos = suffix_start + 1
    if text.find("（", floor, suffix_start) < 0 and text.find("(", floor, suffix_start) < 0:
        stops = _HARD_STOP_RUN.match(text, floor, endpos)  # fast path: no parentheses
        if stops is not None and stops.end() > suffix_start:
            stops = _HARD_STOP_RUN.match(text, floor, suffix_start)
        return stops.end() if stops else floor
    # (pos/endpos rather than a slice: a space's neighbours decide whether it stops.)
    protected = [m.span() for m in _INNER_PARENS.finditer(text, floor, suffix_start)]
    last_stop = floor - 1
    for m in _HARD_STOP.finditer(text, floor, endpos):
        if m.start() < suffix_start and not any(a <= m.start() < b for a, b in protected):
            last_stop = m.start()
    return last_stop + 1


# The segmenter glues a copula to the area word before it ("拓展区|为|大科学装置" comes out
# as 区为|大): the area is the sentence's subject, and the name starts after the copula.
_ADMIN_COPULA = re.compile("[区市县省城镇园][为是]")
# So it glues the verb 建 (build) to a town, county or district: "某镇建某某创新中心" comes
# out as 镇建|某某 or 某镇建|某某. (Not to 城 or 市: 城建, 市建 open names of firms.)
_ADMIN_BUILDS = re.compile("[\u4e00-\u9fff]{0,3}[区县镇]建")


# 出 after a verb says what it brought out ("培育出某某", "涌现出某某"); no name ends a word in it.
_RESULT_OUT = "出"


# Aspect particles and prepositions of agent the segmenter glues onto an unknown name
# after them ("引进|了泽璟|制药", "实验室|由翠亨|集团"); no firm's name opens with one.
_GLUED_PARTICLES = frozenset("了着由被把")


def _glued_after_particle(token: str) -> bool:
    """Whether ``token`` is such a particle glued to the first word of a name: no word of
    the dictionary (了解, 着力, 由于 are)."""
    return len(token) > 1 and token[0] in _GLUED_PARTICLES and not rjieba.has_word(token)


@lru_cache(maxsize=65536)  # tokens repeat a lot; the answer depends on the token only
def _is_stop(token: str) -> bool:
    # The segmenter glues adverbs and objects to verbs (大力发展, 谷获批): a token holding
    # a stop verb stops the name too; a too-short name is the lesser evil.
    if token in STOP_WORDS or _NUMERAL.match(token) or _ADMIN_COPULA.fullmatch(token) or _ADMIN_BUILDS.fullmatch(token):
        return True
    if len(token) > 2 and token[-2:] in STOP_VERBS and token[:-2] in STOP_WORDS:
        return True  # an adverb glued to the verb (全力支持, 大力推进): whatever the tagger says
    if len(token) > 2 and token[-1] == _RESULT_OUT:
        return True  # a verb with its result "out" (涌现出, 培育出, 打造出): the tagger calls some nouns
    if len(token) <= 2 or not any(token[i : i + 2] in STOP_VERBS for i in range(len(token) - 1)):
        return False
    # ... unless the token is a plain noun built on the verb (加速器, 建设者).
    return [tag for _, tag in rjieba.tag(token)] != ["n"]


def left_boundary(text: str, suffix_start: int, keep_from: list[tuple[int, int]], through_joiner: bool = False) -> int:
    """Where the name whose suffix starts at ``suffix_start`` begins.

    ``keep_from`` are spans of known names (gazetteer matches); a boundary that would cut
    one in two is moved to its start, so "合肥高新区某某有限公司" keeps its place prefix.
    ``through_joiner``: the name may hold one 与/及 ("…先进技术与装备国家工程实验室"),
    when what stands before it is no name of its own (see :func:`_joined_start`).
    """
    floor = _window_floor(text, suffix_start)
    start = suffix_start
    joiner_at = -1
    # Segment the OCR-corrected window (slips keep their length) so 交又 is not read as 又.
    # (Speed: an empty window, right after a stop, has no words to segment.)
    tokens = segment(fix_ocr(text[floor:suffix_start]))[::-1] if floor < suffix_start else []
    for index, token in enumerate(tokens):
        if _is_stop(token) or _closes_a_date(tokens, index):
            if token == "中" and start < suffix_start and text[start] in _PARTNER_COUNTRIES:
                start -= 1  # 中德, 中法: the first half of a partnership, not "in"
                continue
            if _opens_listed_name(text, token, start, suffix_start):
                start -= 1  # "A、以岭医药集团": after 、 a name begins, whatever its first character
                break
            if through_joiner and joiner_at < 0 and token in _NAME_JOINERS and suffix_start - start >= 2:
                joiner_at = start - len(token)
                start = joiner_at
                continue
            break
        if _glued_after_particle(token) or _unit_glued_to_name(tokens, index):
            start -= len(token) - 1  # "引进了|泽璟", "500强|某某": the name opens after it
            break
        start -= len(token)
        if token in _OWNER_ADMIN_WORDS and _opens_owned_name(tokens, index, start, keep_from):
            break  # "提级管理市乡村振兴公司": a bare 市 opens the city's own company's name
    if joiner_at >= 0:
        start = _joined_start(text, start, joiner_at, keep_from)
    if "-" in text or "—" in text:  # speed: most sentences hold neither of _PARTNER_DASHES
        start = _after_stage_dashes(text, start, suffix_start)
        if "—" in text[start:suffix_start]:
            start = _after_dashed_kind(text, start, suffix_start)
    for a, b in keep_from:
        if a < start < b and b <= suffix_start:
            return a
    # The adjustments below rarely apply; their first conditions are tested here so
    # that most names make no further calls.
    if suffix_start - start >= 2 and _MAY_SKIP.search(text, max(0, start - 1), suffix_start):
        start = _skip_leading_words(text, start, suffix_start)
    if start > floor and text[start - 1] == "中":
        start = _widen_for_bilateral(text, floor, start)
    return _after_firm_role(text, start, suffix_start)


_PARTNER_DASHES = "-—"


def _after_stage_dashes(text: str, start: int, suffix_start: int) -> int:
    """ "研究-转化-产业": two dashes or more link stages, not partners; the name starts
    after the last."""
    for dash in _PARTNER_DASHES:
        if text.count(dash, start, suffix_start) > 1:
            start = text.rindex(dash, start, suffix_start) + 1
    return start


def _after_dashed_kind(text: str, start: int, suffix_start: int) -> int:
    """ "众创空间—孵化器": a dash after a word that ends in a rule's suffix links two kinds
    (stages of an incubation chain), not two partners; the name starts after the dash."""
    dash = text.index("—", start, suffix_start)
    left = text[start:dash]
    if any(end == len(left) for _, end, _ in suffix_hits(left)):
        return dash + 1
    return start


# A firm's rank among firms (龙头企业, 骨干企业), written before its name as an apposition
# ("行业龙头企业青大集团"): the name starts after it.
RANKED_FIRM = "(?:龙头|骨干|领军|链主|头部)企业"
_FIRM_ROLE = re.compile(RANKED_FIRM)
MIN_STEM_AFTER_ROLE = 2


def _after_firm_role(text: str, start: int, suffix_start: int) -> int:
    if suffix_start - start <= len("龙头企业") or "企业" not in text[start:suffix_start]:
        return start  # speed: most names hold no role
    roles = list(_FIRM_ROLE.finditer(text, start, suffix_start))
    if roles and suffix_start - roles[-1].end() >= MIN_STEM_AFTER_ROLE:
        return roles[-1].end()
    return start


# "2023年1-6月高新技术产业": a month or day after a number dates the phrase; a date is
# never part of a name (年 is a stop word of its own, and 月 or 日 alone names nothing).
# 强 after a number ranks ("世界500强某某", "500强企业"): a league table, no part of a name.
_DATE_UNITS = frozenset("月日强")


def _closes_a_date(tokens: list[str], index: int) -> bool:
    """Whether ``tokens[index]`` (tokens right to left) is a month or day after a number."""
    return tokens[index] in _DATE_UNITS and _after_a_number(tokens, index)


def _unit_glued_to_name(tokens: list[str], index: int) -> bool:
    """Whether ``tokens[index]`` is such a unit after a number glued to the first word of a
    name ("500|强某某"): no word of the dictionary."""
    token = tokens[index]
    return len(token) > 1 and token[0] in _DATE_UNITS and not rjieba.has_word(token) and _after_a_number(tokens, index)


def _after_a_number(tokens: list[str], index: int) -> bool:
    before = next((t for t in tokens[index + 1 :] if not t.isspace()), "")
    return bool(before) and (before[-1].isdigit() or _NUMERAL.match(before) is not None)


def _opens_listed_name(text: str, token: str, start: int, suffix_start: int) -> bool:
    """A one-character stop word opening a list's next member that a name goes on from."""
    return len(token) == 1 and start < suffix_start and _listed_after(text, start - 1)


# A bare 市/省/县 written alone is "the city's" (市物流集团): it opens the name, and the
# words before it are the sentence's verb phrase, unless a known place ends right there
# (合肥|市, split by the segmenter).
_OWNER_ADMIN_WORDS = frozenset("市省县")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")


def _opens_owned_name(tokens: list[str], index: int, start: int, keep_from: list[tuple[int, int]]) -> bool:
    """Whether the bare 市/省/县 ``tokens[index]`` (now at ``start``) opens the name: the
    word before it is a Han word of its own, not a known place (合肥|市) nor a Latin code
    (XX省)."""
    if index + 1 >= len(tokens) or not _HAN_WORD.fullmatch(tokens[index + 1]):
        return False
    return not any(b == start for _, b in keep_from)


# (和 joins phrases far more often than names: "普及应用终端和创新实验室".)
_NAME_JOINERS = frozenset("与及和")
# Verbs of news that never stand inside a name, even when the segmenter glues them to
# their neighbours ("谷获|批省"): a name starts after the last of them.
_NEVER_IN_NAME = re.compile(
    "做大|做强|做优|做实|获批|获评|入选|落户|签约|揭牌|挂牌|开工|建成|投产|启动|组建|引进|打造|成立"
)
# Foreign countries (not places of the graph) before a foreign park's own name
# ("瑞典 KISTA 科学园", "日本筑波科学城"): the name starts after the country.
_FOREIGN_COUNTRY = re.compile(
    "(?:美国|日本|瑞典|德国|英国|法国|韩国|俄罗斯|以色列|新加坡|芬兰|荷兰|意大利|加拿大|澳大利亚|瑞士|"
    "比利时|丹麦|挪威|奥地利|西班牙|葡萄牙|印度|巴西|爱尔兰|新西兰|波兰|匈牙利|捷克|乌克兰)\\s*"
)
_COUNTRY_AT_END = re.compile(f"(?:{_FOREIGN_COUNTRY.pattern})$")
MAX_COUNTRY_CHARS = 5


def country_ending_at(text: str, end: int) -> int:
    """Start of the foreign country's name that ends at ``end`` ("德国|拜耳"), or -1."""
    country = _COUNTRY_AT_END.search(text, max(0, end - MAX_COUNTRY_CHARS), end)
    return country.start() if country is not None else -1


# Praise and provenance before a name ("国内一流合成生物产业园", "国产DRAM产业").
_QUALIFIERS = re.compile("(?:国内一流|国际一流|世界一流|国内领先|国际领先|世界领先|全国性|世界级|国内|国产|现有|一流)+")


# The first characters of everything _skip_leading_words removes (one search decides
# whether it has anything to do; it rarely has).
_MAY_SKIP = re.compile(
    "[以将把对向从在由做获入落签揭挂开建投启组引打成美日瑞德英法韩俄新芬荷意加澳比丹挪奥西葡印巴爱波匈捷乌国世全现一 ]"
)


# 和 joins noun phrases far more often than 与 and 及: before it, a kind of body ("企业",
# "高校") is a phrase of its own, never the first half of a laboratory's field.
_PHRASE_JOINER = "和"
_KIND_NOUN_END = re.compile("(?:企业|公司|集团|高校|院校|院所|机构|单位|平台|中心|园区|项目|团队|人才)$")


def _joined_start(text: str, start: int, joiner_at: int, keep_from: list[tuple[int, int]]) -> int:
    """Keep the words before a 与/及/和 inside the name only when they are no name of their
    own: at least two characters, not a known name, not ending in a rule's suffix (then
    "A与B实验室" lists two things)."""
    left = text[start:joiner_at]
    if len(left.strip()) < 2 or any(b == joiner_at for _, b in keep_from):
        return joiner_at + 1
    if text[joiner_at] == _PHRASE_JOINER and _KIND_NOUN_END.search(left):
        return joiner_at + 1  # "等企业和某某实验室": 和 joins a kind of body to a name
    if any(e == len(left) for _, e, _ in suffix_hits(left)):
        return joiner_at + 1
    return start


def _skip_leading_words(text: str, start: int, suffix_start: int) -> int:
    """Move ``start`` past a glued preposition, a verb of news or praise words."""
    start = _skip_leading_function_char(text, start, suffix_start)
    # (From one character earlier: the walk may have stopped inside such a verb, 做|强.)
    for verb in _NEVER_IN_NAME.finditer(text, max(0, start - 1), suffix_start):
        start = max(start, verb.end())
    country = _FOREIGN_COUNTRY.match(text, start, suffix_start)
    if country is not None and suffix_start - country.end() >= 2:
        start = country.end()
    qualifiers = _QUALIFIERS.match(text, start, suffix_start)
    if qualifiers is not None:
        start = qualifiers.end()
    while start < suffix_start and text[start].isspace():
        start += 1
    return start


# One-character country abbreviations after 中 (中德, 中法, 中俄): 中 is a stop word
# ("…中"), but in these names it is the first half of a partnership.
_PARTNER_COUNTRIES = frozenset("德法俄美日英韩意澳欧非乌巴以新奥荷瑞芬丹比葡西")
# Prepositions the segmenter glues onto the next word (以大科学装置, 将合肥…).
_LEADING_FUNCTION_CHARS = frozenset("以将把对向从在由")


def _widen_for_bilateral(text: str, floor: int, start: int) -> int:
    if start - 1 >= floor and text[start - 1] == "中" and start < len(text) and text[start] in _PARTNER_COUNTRIES:
        return start - 1
    return start


def _skip_leading_function_char(text: str, start: int, suffix_start: int) -> int:
    # "以色列" is a name; any other leading 以 is the preposition (when two characters at
    # least are left: "以云计算中心"), but not as a list's next member ("A、以岭医药集团").
    if (
        suffix_start - start >= 2
        and text[start] in _LEADING_FUNCTION_CHARS
        and not _listed_after(text, start)
        and text[start : start + 3] != "以色列"
        and text[start : start + 2] != "在线"
    ):
        # "95%以上生物医药平台": 以上 ("or more") goes whole, not as a preposition.
        return start + 2 if text.startswith(_AT_LEAST, start) else start + 1
    return start


_CLAUSE_MARKS = "，。；！？,;"
_AT_LEAST = "以上"


def _listed_after(text: str, start: int) -> bool:
    """The character at ``start`` opens a list's next member: it follows 、, and the member
    before is no finished "以…为…" phrase of its own ("以A为核心的X产业、以B为核心的Y产业")."""
    if start == 0 or text[start - 1] != "、":
        return False
    clause = max(text.rfind(mark, 0, start) for mark in _CLAUSE_MARKS) + 1
    last_yi = text.rfind("以", clause, start - 1)
    return last_yi < 0 or "为" not in text[last_yi : start - 1]


# Words that stop an ordinary name but sit inside policy-zone names (…创新发展试验区).
_ZONE_INNER_WORDS = frozenset(_words("发展 创新 合作 开放 改革 转化 服务 示范 联动"))


def zone_start(text: str, suffix_start: int, place_starts: list[int]) -> int:
    """Start of a policy zone's name: the leftmost known place before the suffix with no
    verb between it and the suffix ("加快建设合肥某某创新发展试验区" -> 合肥…); -1 if none."""
    floor = _window_floor(text, suffix_start)
    for start in sorted(p for p in place_starts if floor <= p < suffix_start):
        words = segment(fix_ocr(text[start:suffix_start]))
        if not any(_is_stop(w) and w not in _ZONE_INNER_WORDS for w in words):
            return _before_bracketed_place(text, start)
    return -1


def _before_bracketed_place(text: str, place_start: int) -> int:
    """ "海峡两岸（合肥）集成电路…试验区": a place in brackets is inside the name, whose
    start is the start of the words before the bracket."""
    if place_start == 0 or text[place_start - 1] not in "（(":
        return place_start
    start = left_boundary(text, place_start - 1, [])
    return start if start < place_start - 1 else place_start


# Words that describe a kind of research body or facility; a stem made of nothing else
# names none ("基础研究开放设施", "技术创新技术研究院").
DESCRIPTION_WORDS = frozenset(
    _words("""基础 研究 基础研究 开放 学科 交叉 学科交叉 前沿 前沿交叉 交叉前沿 技术 创新 技术创新 科技
    科技创新 综合 共享 公共 实验 科研 研发 协同 协同创新 融合 原始 原始创新 多学科
    高水平 新型 联合 开放共享 重大 专业 专业化 公共服务 服务""")
)
# Industries are named by such words themselves (先进制造); places are left to their rules.
_DESCRIBABLE_BY_KIND = frozenset({"IndustryChain", "Place"})


@lru_cache(maxsize=4096)
def is_description(stem: str) -> bool:
    """Whether ``stem`` is made only of words that describe a kind (see DESCRIPTION_WORDS)."""
    words = [w for w in segment(stem) if not w.isspace()]
    return bool(words) and all(w in DESCRIPTION_WORDS for w in words)


def _core_of(rule: EntityRule, stem: str) -> str:
    core = strip_generic_prefix(stem)
    # "新港", "新桥": 新 and one character is a place's own name, not "new" + a word.
    if rule.type == "Place" and len(core) == 1 and stem == "新" + core:
        return stem
    return core


@lru_cache(maxsize=1)
def _generic_prefix_run() -> re.Pattern[str]:
    # One regex pass instead of a startswith loop per prefix: longest alternatives first.
    words = sorted(GENERIC_PREFIXES, key=len, reverse=True)
    return re.compile("^(?:" + "|".join(map(re.escape, words)) + ")+")


def strip_generic_prefix(stem: str) -> str:
    """Drop leading generic words (我市, 一批, 省级...) from a stem."""
    run = _generic_prefix_run().match(stem)  # (a slice: cheaper than sub, which builds anew)
    return stem[run.end() :] if run else stem


_ADMINISTRATIVE_OPENING = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:省|市|自治区)级?")


def _kind_of_the_division(stem: str, rule: EntityRule) -> bool:
    """The stem is a province or city and a kind word only ("某市产业", "某市级产业")."""
    opening = _ADMINISTRATIVE_OPENING.match(stem)
    return opening is not None and stem[opening.end() :] in rule.generic_stems


def judge(rule: EntityRule, stem: str, owned: bool = False) -> str | None:
    """Why a name with this stem is not an entity name, or None when it is one.

    ``owned``: the stem follows a known owner's name (a place, an organisation), which
    makes a kind word a name ("<owner>科技成果转化促进中心" names that owner's centre)."""
    # (Most stems hold no bracket; the substitution is skipped for them.)
    core = _core_of(rule, _PARENS.sub("", stem) if "（" in stem or "(" in stem else stem)
    if not core:
        return "generic-name"
    if stem in rule.generic_stems or core in rule.generic_stems or _NO_NAME_OPENING.match(stem):
        return "generic-name"
    if ("最" in stem or "十" in stem or "强" in stem) and _RANKING.search(stem):
        return "generic-name"
    if rule.type == "Enterprise" and core.endswith(_GROUP) and core[: -len(_GROUP)] in rule.generic_stems:
        return "generic-name"  # "…建设|投资集团有限公司": the name was cut at a verb; 投资集团 names none
    if rule.type == "Laboratory" and (_ADMINISTRATIVE_NAME.fullmatch(stem) or stem in KNOWN_PLACES):
        return "generic-name"  # 广东省实验室: the province's kind of laboratory, not one of them
    if rule.subtype == "DevelopmentZone" and _PROVINCE_NAME.fullmatch(stem):
        return "generic-name"  # 浙江省开发区: the province's zones, not one of them
    if rule.subtype == "DevelopmentZone" and _kind_of_the_division(stem, rule):
        return "generic-name"  # 某市产业园区, 某市级产业园区: a city's parks of a kind, not one
    if rule.stem_needs and not any(word in stem for word in rule.stem_needs):
        return "generic-name"  # "警务大数据某市分中心": a branch of no named organisation
    if rule.generic_tails and core.endswith(rule.generic_tails) and not owned:
        return "generic-name"
    if rule.type not in _DESCRIBABLE_BY_KIND and not owned and is_description(core):
        return "generic-name"  # 学科交叉前沿研究设施: what kind of facility, not which one
    if rule.name == _CENTRE_RULE and stem.endswith(_DESIGNATION_STEMS):
        return "generic-name"  # 北京国际科技创新中心: what a city is to become, even owned
    if rule.type == "IndustryChain" and core.endswith(CHAIN_CATEGORY_TAILS) and not is_vocabulary_term(core):
        # 加大新兴产业: a category word with words glued before it (绿色石化 ends in 化
        # and is an industry of the vocabulary all the same)
        return "generic-name"
    if rule.type == "IndustryChain" and _ends_with_place(core):
        return "generic-name"  # "长沙产业集群": the place's cluster, not an industry named 长沙
    if rule.type == "IndustryChain" and core.endswith("全") and not core.endswith("安全"):
        return "generic-name"  # "六位一体全产业链": 全产业链 is "the whole chain"
    if rule.type == "IndustryChain" and stem.startswith(_CHAIN_WORD):
        return "generic-name"  # "产业链环节", "产业聚集区": a word about chains, not one of them
    if rule.type == "IndustryChain" and _only_category_words(core, rule):
        return "generic-name"  # "核心关键产业链": degree words stacked, no trade named
    if rule.type == "IndustryChain" and core.endswith(_AREA_WORD):
        return "generic-name"  # "某某起步区产业": the zone's industries, no industry of its own
    if rule.type == "IndustryChain" and ablation.enabled("chain-pos") and is_verb_phrase(stem):
        return "verb-phrase"  # "具备产业先发优势", "更是产业链…": no noun before 产业
    if len(core) < rule.min_stem and not _proper_short_stem(core, rule):
        return "too-short"
    # A bracketed site or a quoted programme is no part of the name's length: "中国（某市）
    # 软件谷" is a short name, and so is "中国—某国某某“一带一路”联合实验室".
    if len(_ASIDES.sub("", stem) if "（" in stem or "(" in stem or "“" in stem else stem) > rule.max_stem:
        return "too-long"
    return None


def _only_category_words(core: str, rule: EntityRule) -> bool:
    """Whether ``core`` is two category words or more and none names a trade (核心关键,
    重点优势; 高端服务 names one)."""
    words = [w for w in segment(core) if not w.isspace()]
    return len(words) > 1 and all(w in rule.generic_stems and w not in CATEGORY_TRADES for w in words)


_PLACE_NAME_CHARS = range(2, 7)
_CHAIN_WORD = "产业"
_AREA_WORD = "区"


def _ends_with_place(stem: str) -> bool:
    """The stem's last words are a place's name: what comes before 产业 is whose, not which."""
    if stem.endswith(("市", "省")):
        stem = stem[:-1]  # "天津市产业": the city written with its suffix
    return any(stem[-n:] in KNOWN_PLACES for n in _PLACE_NAME_CHARS if n <= len(stem))


# A stem one character shorter than a rule's minimum still names one thing when it is a
# place or proper name (之江实验室, 嵩山实验室, 鹏城实验室), not a word like 该 or 联合.
_PROPER_TAGS = frozenset({"ns", "nr", "nz", "nt"})


@lru_cache(maxsize=4096)
def _proper_short_stem(core: str, rule: EntityRule) -> bool:
    if len(core) != rule.min_stem - 1 or len(core) < 2 or not ablation.enabled("proper-short-stems"):
        return False
    tagged = rjieba.tag(core)
    return len(tagged) == 1 and tagged[0][1] in _PROPER_TAGS


def suffix_hits(text: str) -> list[tuple[int, int, EntityRule]]:
    """Every rule suffix in ``text``: (start, end, rule)."""
    index = _suffix_index()
    rules, length = index.rules, len(text)
    hits = []
    for i, start, end in index.automaton.find_matches_as_indexes(text):
        rule = rules[i]
        if end < length and (text[end] in rule.bad_next or text.startswith(rule.bad_next_words, end)):
            continue
        hits.append((start, end, rule))
    return hits


# Joins the texts of suffix_hits_each; no suffix holds it and no rule lists it as a bad next
# character, so a text's end reads the same joined or alone.
_SEPARATOR = "\x00"


def suffix_hits_each(texts: list[str]) -> list[list[tuple[int, int, EntityRule]]]:
    """``[suffix_hits(t) for t in texts]`` in one automaton pass (speed: one call instead
    of one per sentence)."""
    joined = _SEPARATOR.join(texts)
    index = _suffix_index()
    if joined.count(_SEPARATOR) != max(len(texts) - 1, 0) or not index.joinable:
        return [suffix_hits(t) for t in texts]
    rules = index.rules
    found: list[list[tuple[int, int, EntityRule]]] = [[] for _ in texts]
    current, base, limit = 0, 0, len(texts[0]) if texts else 0
    for i, start, end in index.automaton.find_matches_as_indexes(joined):
        while start >= limit:  # move on to the text this hit lies in
            current += 1
            base = limit + 1
            limit = base + len(texts[current])
        rule = rules[i]
        if end < limit and (joined[end] in rule.bad_next or joined.startswith(rule.bad_next_words, end)):
            continue
        found[current].append((start - base, end - base, rule))
    return found
