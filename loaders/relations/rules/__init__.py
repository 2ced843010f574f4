"""Named relation rules, registered with ``@relation_rule(name, confidence)``.

Importing this package registers every rule module below; ``registered_rules()`` lists
them for the extractor (loaders.relations.engine).
"""

from loaders.relations.registry import (
    Found,
    RelationRule,
    found,
    registered_rules,
    relation_rule,
)
from loaders.relations.rules.chain import carriers, feeds, focus_lists, scale_targets, subjects, supports
from loaders.relations.rules.chain import cues as chains
from loaders.relations.rules.chain import kinds as chain_parts
from loaders.relations.rules.chain import lead_paragraphs as lead_rules
from loaders.relations.rules.chain import links_streams as chain_segments
from loaders.relations.rules.organisation import branches, cooperation, operation, operators
from loaders.relations.rules.place import abbreviated_city, areas, deixis, location, siting, subject_city
from loaders.relations.rules.structure import headings as section
from loaders.relations.rules.structure import tables
from loaders.relations.view import SentenceView

__all__ = [
    "Found",
    "abbreviated_city",
    "areas",
    "branches",
    "carriers",
    "chain_parts",
    "chain_segments",
    "lead_rules",
    "RelationRule",
    "SentenceView",
    "chains",
    "cooperation",
    "deixis",
    "feeds",
    "focus_lists",
    "found",
    "location",
    "operation",
    "operators",
    "registered_rules",
    "relation_rule",
    "scale_targets",
    "section",
    "siting",
    "subject_city",
    "subjects",
    "supports",
    "tables",
]
