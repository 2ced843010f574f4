"""Recognise lines that are no part of the text: advertising, page numbers, photo
credits, editor and phone lines. Patterns describe the form of such lines, not
particular documents."""

from __future__ import annotations

import re

from loaders.lexicon.place_names import KNOWN_PLACES, REGION_SHORT_NAMES
from loaders.read.insertions import is_spam_line

# Noise lines are short; a long line that happens to mention a URL or a phone number is
# body text and is kept.
_MAX_NOISE_LENGTH = 80

_PAGE_NUMBER = re.compile(
    r"(?:第\s*\d{1,4}\s*页(?:\s*/?\s*共\s*\d{1,4}\s*页)?"
    r"|[-—–]?\s*\d{1,4}\s*[-—–]?"
    r"|\d{1,4}\s*/\s*\d{1,4})"
)
_URL = re.compile(r"https?://|www\.[a-z0-9-]+\.", re.IGNORECASE)
_ADVERTISING_WORDS = re.compile(
    r"客服|下载|会员|扫码|扫一扫|二维码|公众号|关注我们|更多数据|免费领取|免费获取|"
    r"微信号|QQ群|转载请注明|版权所有|广告|长按识别|点击阅读原文|查看精彩图片|打开APP|打开客户端"
)
# A breadcrumb trail ("首页 > 新闻中心 > 正文"): three short steps or more between arrows.
_BREADCRUMB = re.compile(r"[^>＞›»\n]{1,12}(?:[>＞›»][^>＞›»\n]{1,12}){2,}")
# A site's menu bar ("首页 新闻 财经 汽车 …"): a home link, then short column names
# separated by spaces and nothing else. Column names (汽车, 科技) are no mentions.
_MENU_BAR = re.compile(r"[\u4e00-\u9fff]{0,4}首页(?:[ \u3000]+[\u4e00-\u9fff]{1,4}){4,}")
# A menu of a portal's local channels ("今日安徽 合肥市 芜湖市 蚌埠市 …", "尚志市| 绩溪县| …",
# "安徽|北京|重庆|…"): four short items or more, separated by spaces or bars, nearly all
# divisions' names, in full or as a menu of provinces writes them.
# Body text writes no spaces between words, so such a line is the page's chrome.
_MENU_ITEM = re.compile(r"[^\s|｜]+")
_DIVISION_ITEM = re.compile(r"[\u4e00-\u9fff]{1,6}(?:省|市|县|区|州|盟|旗)")
_MIN_MENU_ITEMS = 4
_DIVISION_SHARE = 0.8
# A web page's own controls and links, around every article it serves: print, close,
# share, previous/next article, related links, font size, view counts, back to top.
_PAGE_CONTROLS = re.compile(
    r"打印本页|关闭窗口|[【\[](?:打印|关闭|收藏|返回顶部)[】\]]|分享到\s*[:：]|^[上下]一篇\s*[:：]"
    r"|^相关(?:链接|阅读|新闻|文章|推荐|附件)\s*[:：]?$|字号\s*[:：]?\s*[【\[]?[大中小]|(?:浏览|阅读|点击)(?:次数|量)\s*[:：]"
    r"|^(?:返回顶部|返回首页|返回列表|打印|关闭)$"
    # the article's source and time line ("来源：某某网 2024-03-05 10:21")
    r"|^(?:来源|信息来源|文章来源|发布时间|发布日期|更新时间)\s*[:：].{0,30}\d{4}\s*[-年/.]\s*\d{1,2}"
)
_EDITOR_LINE = re.compile(r"(?:责编|责任编辑|美编|编辑|校对|版式|制图|组版|审核|监制)\s*[/:：|]")
_PHONE = re.compile(r"电话\s*[/:：]?\s*[\d-]{7,}|(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-\d{7,8}")
_NAME = r"[\u4e00-\u9fff·]{2,4}"
_CREDIT_WORDS = r"(?:摄影?|供图|图片来源[:：]?.{0,20})"
_WHOLE_CREDIT = re.compile(
    rf"(?:(?:新华社)?(?:记者|通讯员)?\s*(?:{_NAME}[ \u3000]+)*{_NAME}[ \u3000]+摄影?"
    rf"|[\u4e00-\u9fff·]{{2,14}}\s*供图"
    rf"|(?:摄影|图片来源|图)\s*[/:：].{{1,20}}"
    rf"|[（(]\s*{_NAME}\s*{_CREDIT_WORDS}\s*[）)])"
)
_TRAILING_CREDIT = re.compile(
    rf"[ \u3000]+(?:(?:记者|通讯员)\s*)?(?:{_NAME}[ \u3000]+)*{_NAME}[ \u3000]*摄影?$"
    rf"|[ \u3000]+[\u4e00-\u9fff·]{{2,14}}供图$"
)

_CREDIT_ENDINGS = ("摄", "影", "图", "\n")
_ALNUM = re.compile(r"[^\W_]")


def noise_reason(text: str) -> str | None:
    """The reason to drop the whole cleaned line ``text``, or None to keep it."""
    if _lists_divisions(text):
        return "navigation"  # a menu of every city of a province runs past the length of noise
    if len(text) > _MAX_NOISE_LENGTH:
        return None
    if _PAGE_NUMBER.fullmatch(text):
        return "page-number"
    if not _ALNUM.search(text):
        return "separator"
    if _URL.search(text) or _ADVERTISING_WORDS.search(text):
        return "advertising"
    if is_spam_line(text):
        return "spam"
    if _BREADCRUMB.fullmatch(text.strip()) or _MENU_BAR.fullmatch(text.strip()) or _PAGE_CONTROLS.search(text):
        return "navigation"
    if _EDITOR_LINE.search(text) or _PHONE.search(text):
        return "editor-line"
    if _WHOLE_CREDIT.fullmatch(text):
        return "photo-credit"
    return None


def _lists_divisions(text: str) -> bool:
    """Whether ``text`` is a menu of places: short items between spaces or bars, at least
    four of them and nearly all divisions' names."""
    if " " not in text and "|" not in text and "\u3000" not in text and "｜" not in text:
        return False  # speed: body text
    items = _MENU_ITEM.findall(text)
    if len(items) < _MIN_MENU_ITEMS:
        return False
    divisions = sum(1 for item in items if _names_a_division(item))
    return divisions >= _MIN_MENU_ITEMS and divisions >= _DIVISION_SHARE * len(items)


def _names_a_division(item: str) -> bool:
    """A division named in full ("芜湖市") or by the short name a menu of provinces gives it
    ("安徽|北京|内蒙古|…")."""
    return _DIVISION_ITEM.fullmatch(item) is not None or item in KNOWN_PLACES or item in REGION_SHORT_NAMES


def trailing_credit_start(text: str) -> int | None:
    """Where a photo credit closing a caption line starts ("…等领域。 王世保 摄")."""
    # Speed: a credit ends the line in 摄/摄影/供图 (or before a final newline, where $
    # also matches); other lines need no regex search at all.
    if not text.endswith(_CREDIT_ENDINGS):
        return None
    match = _TRAILING_CREDIT.search(text)
    if match is None or match.start() == 0:
        return None
    return match.start()
