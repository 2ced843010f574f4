"""Named relation rules, registered with ``@relation_rule(name, confidence)``.

Importing this package registers every rule module below; ``registered_rules()`` lists
them for the extractor (loaders.relations).
"""

from loaders.relation_rules import (
    abbreviated_city,
    areas,
    branches,
    carriers,
    chain_parts,
    chain_segments,
    chains,
    cooperation,
    feeds,
    focus_lists,
    lead_rules,
    location,
    operation,
    operators,
    scale_targets,
    section,
    siting,
    subjects,
    supports,
    tables,
)
from loaders.relation_rules.registry import (
    Found,
    RelationRule,
    found,
    registered_rules,
    relation_rule,
)
from loaders.relation_rules.view import SentenceView

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
    "subjects",
    "supports",
    "tables",
]
