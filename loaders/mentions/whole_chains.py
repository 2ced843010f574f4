"""Industries written before 全产业链, "the whole chain": "某某新材料全产业链" names the
industry 新材料, whose name the suffix rule drops with the 全 glued to it.

Only an industry or a link of the vocabularies counts: before 全产业链 policy texts also
write slogans and counts ("六位一体全产业链"). 安全产业链 is the 安全 industry's chain.
"""

from __future__ import annotations

import re

from loaders.lexicon.chain_names import vocabulary_term_start

_WHOLE_CHAIN = re.compile("(?<!安)全产业链")
MAX_TERM_CHARS = 10  # longest industry the vocabularies hold, and then some


def whole_chain_industries(text: str) -> list[tuple[int, int]]:
    """(start, end) of each vocabulary industry right before 全产业链 in ``text``."""
    spans = []
    for match in _WHOLE_CHAIN.finditer(text):
        end = match.start()
        start = vocabulary_term_start(text, end, max(0, end - MAX_TERM_CHARS))
        if 0 <= start < end:
            spans.append((start, end))
    return spans
