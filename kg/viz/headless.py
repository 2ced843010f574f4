"""How the tests and benchmarks/viz.py start a headless browser on the explorer's pages.

Debian's Chromium, driven by Playwright through its executable_path (never `playwright
install`); these switches keep it from reaching the network on its own.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
