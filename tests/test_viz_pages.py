"""Page generation without a browser: escaping, self-containment, one page per chain."""

from __future__ import annotations

import json
import re

from kg.viz import render_site
from kg.viz.html import json_for_script
from kg.viz.sample import demo_graph


def test_json_for_script_cannot_close_the_script_element() -> None:
    text = json_for_script({"s": "</script><img src=x onerror=alert(1)>&\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"s": "</script><img src=x onerror=alert(1)>&\u2028"}


def test_site_has_an_overview_and_a_page_per_chain() -> None:
    files = render_site(demo_graph())
    assert "index.html" in files and "chain-nev.html" in files and "chain-ic.html" in files


def test_pages_refer_to_nothing_outside_themselves() -> None:
    for name, body in render_site(demo_graph()).items():
        html = body.decode("utf-8")
        assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)\s*=""", html), name
        assert "sourceMappingURL" not in html, name
        assert "Content-Security-Policy" in html and "default-src 'none'" in html, name
