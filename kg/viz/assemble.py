"""Assemble self-contained HTML pages: templates, inlined scripts and styles, embedded data.

Data goes into <script type="application/json"> with <, >, & and the line separators
escaped as \\u escapes, so no string from a document can close the script element or be
read as markup; the page parses it with JSON.parse and inserts text with textContent.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

VIZ_DIR = Path(__file__).resolve().parent
TEMPLATES = VIZ_DIR / "templates"
VENDOR = VIZ_DIR / "vendor"
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_CSP_MARK = "\x00csp\x00"  # a NUL never occurs in a page: json_for_script escapes it, templates lack it
# Plain <script> elements only: the data block (type="application/json") is never executed.
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def json_for_script(data: Any) -> str:
    """JSON that is safe inside a <script> element whatever strings ``data`` holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def escape_text(value: str) -> str:
    """Escape text for an HTML text node or a quoted attribute."""
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


@cache
def asset(name: str) -> str:
    """A template or vendored file, read once."""
    path = VENDOR / name if (VENDOR / name).exists() else TEMPLATES / name
    text = path.read_text(encoding="utf-8")
    if "</script" in text.lower() and name.endswith(".js"):
        raise ValueError(f"{path}: contains '</script' and cannot be inlined")
    return text


def fill(template: str, values: dict[str, str]) -> str:
    """Replace every {{name}} in one pass, so inserted values are never re-scanned."""

    def replace(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return _PLACEHOLDER.sub(replace, template)


def page(*, title: str, body: str, data: dict[str, Any], scripts: list[str]) -> bytes:
    """A whole page: shared style, ``body`` markup (trusted, ours), data, inlined scripts."""
    inline = "\n".join(f"<script>\n{asset(name)}\n</script>" for name in scripts)
    html = fill(
        asset("page.html"),
        {
            "csp": _CSP_MARK,
            "title": escape_text(title),
            "style": asset("style.css"),
            "body": body,
            "data": json_for_script(data),
            "scripts": inline,
        },
    )
    # The policy names the hash of each script the page holds, so no other inline script
    # (one injected through a data field, say) may run; the marker sits in <head>, first.
    return html.replace(_CSP_MARK, content_security_policy(html), 1).encode("utf-8")


def script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-…') of every executable inline <script> of a page."""
    bodies = _INLINE_SCRIPT.findall(html)
    return [f"'sha256-{base64.b64encode(hashlib.sha256(b.encode('utf-8')).digest()).decode()}'" for b in bodies]


def content_security_policy(html: str) -> str:
    scripts = " ".join(dict.fromkeys(script_hashes(html)))
    return (
        f"default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; "
        "img-src data: blob:; font-src data:; base-uri 'none'; form-action 'none'"
    )
