"""The industry-chain explorer's pages: an overview network, chain maps, entity cards."""

from kg.viz.site import chain_page_name, render_site, write_site

__all__ = ["chain_page_name", "render_site", "write_site"]
