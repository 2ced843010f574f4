"""Copies of a text rewritten the ways real pages differ from clean ones: traditional script
(OpenCC's s2t, s2hk, s2tw and Taiwan's phrases and punctuation), hard-wrapped lines, a web
page's controls between paragraphs, spaces beside punctuation, pinyin glosses, zero-width and
escaped spaces. Each rewrite is a function of the text and deterministic. Extraction should
read every copy as it reads the text (``tests/test_reading_invariance.py`` on the seeds;
``benchmarks/rewrites.py`` scores any annotated set so rewritten)."""

from __future__ import annotations

import random
from collections.abc import Callable

import opencc


def hard_wrapped(text: str, width: int = 37) -> str:
    lines = text.split("\n")
    return "\n".join(
        piece for line in lines for piece in [line[i : i + width] for i in range(0, len(line), width)] or [""]
    )


# The controls a government or news page prints around its text (invented, in the forms
# such pages use): never part of the text, wherever they fall.
_PAGE_CONTROLS = (
    "【打印本页】【关闭窗口】",
    "分享到：微信 微博 QQ空间",
    "上一篇：关于开展年度评选工作的通知",
    "来源：某某网 2024-03-05 10:21",
    "字号：大 中 小",
    "浏览次数：1024",
    "相关链接",
    "扫一扫在手机打开当前页",
)


def _with_page_controls(text: str) -> str:
    rnd = random.Random(len(text))
    lines: list[str] = []
    for line in text.split("\n"):
        lines.append(line)
        if line.strip() and rnd.random() < 0.3:
            lines.append(rnd.choice(_PAGE_CONTROLS))
    return "\n".join(lines)


def _spaced_punctuation(text: str) -> str:
    return text.replace("，", "， ").replace("。", "。 ").replace("、", " 、")


def _pinyin_glosses(text: str) -> str:
    return text.replace("合肥", "合肥(Héféi)").replace("安徽", "安徽（ānhuī）").replace("科学", "科学(kēxué)")


def _zero_width_spaces(text: str) -> str:
    rnd = random.Random(len(text))
    return "".join(ch + ("\u200b" if rnd.random() < 0.05 else "") for ch in text)


def _escaped_spaces(text: str) -> str:
    return text.replace("。", "。&nbsp;&nbsp;").replace("，", "，&nbsp;")


def _converted(configuration: str) -> Callable[[str], str]:
    return opencc.OpenCC(configuration).convert


_TAIWAN_PUNCTUATION = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』", "—": "─", "…": "⋯", "·": "‧"})


def _taiwan_punctuation(text: str) -> str:
    return _converted("s2tw")(text).translate(_TAIWAN_PUNCTUATION)


# The way back: a page written in traditional script rewritten into simplified (OpenCC's t2s),
# to tell what reading traditional pages costs from what such pages say.
TO_SIMPLIFIED: dict[str, Callable[[str], str]] = {"simplified t2s": _converted("t2s")}

REWRITES: dict[str, Callable[[str], str]] = {
    "traditional s2t": _converted("s2t"),
    "traditional s2hk": _converted("s2hk"),
    "traditional s2tw": _converted("s2tw"),
    "traditional s2twp": _converted("s2twp"),
    "traditional, Taiwan's punctuation": _taiwan_punctuation,
    "hard-wrapped": hard_wrapped,
    "page controls": _with_page_controls,
    "spaced punctuation": _spaced_punctuation,
    "pinyin glosses": _pinyin_glosses,
    "zero-width spaces": _zero_width_spaces,
    "escaped spaces": _escaped_spaces,
}
