"""Named relation rules, registered with ``@relation_rule(name, confidence)``.

Importing this package registers every rule module below; ``registered_rules()`` lists
them for the extractor (loaders.relations).
"""

from loaders.relation_rules import (
    areas,
    chain_parts,
    chains,
    cooperation,
    lead_rules,
    location,
    operation,
    section,
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
    "areas",
    "chain_parts",
    "lead_rules",
    "RelationRule",
    "SentenceView",
    "chains",
    "cooperation",
    "found",
    "location",
    "operation",
    "registered_rules",
    "relation_rule",
    "section",
]
