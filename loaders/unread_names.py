"""Names no relation holds that the name tagger reads as no name, left out.

The rules find a name by its suffix, a list or the gazetteer; on pages unlike those they were
written for, some of what they find is a word the pages' readers never call a name (a slogan
before 园区, a column heading). The name tagger (mentions/name_tagger.py) learned from
annotated real pages where names stand, reading the rules' labels as it does: where it reads
no name of the mention's class over any of a name's mentions, the name is more often wrong
than right (measured on web-EV to FA: 43 right of 164 such names). A name that takes part in
a relation is kept: its relation says the page states something of it; so is a name the
gazetteer holds, which reference data, not the rules, calls a name. Each name left out is
reported (stage ``mentions``, reason ``name-tagger:unread-name``); ``loaders.ablation``'s part
``tagger-check`` switches this off.
"""

from __future__ import annotations

from kg.model import Document, Entity
from loaders import ablation
from loaders.entity_model import CheckedEntities
from loaders.mentions.anaphors import ANAPHOR_SOURCE
from loaders.mentions.candidates import GAZETTEER_SOURCE
from loaders.mentions.name_tagger import TAGGER_SOURCE, TaggerReading

DROP_REASON = "name-tagger:unread-name"


def without_unread_names(
    document: Document, checked: CheckedEntities, reading: TaggerReading | None
) -> CheckedEntities:
    """``checked`` less the names no relation holds whose every named mention the tagger
    read (``reading``) and read as no name of its class; unchanged without a reading."""
    if reading is None or not ablation.enabled("tagger-check"):
        return checked
    related = {end for r in checked.relations for end in (r.head, r.tail)}
    unread = [e for e in checked.entities if e.id not in related and _unread(e, reading)]
    return checked.without(document, unread, DROP_REASON)


def _unread(entity: Entity, reading: TaggerReading) -> bool:
    # (a word pointing back at a name does not write it)
    named = [m for m in entity.mentions if m.source != ANAPHOR_SOURCE]
    if entity.source == TAGGER_SOURCE or any(m.source == TAGGER_SOURCE for m in named):
        return False  # the tagger found it itself
    if any(m.source == GAZETTEER_SOURCE for m in named):
        return False  # reference data names it: a known body or division (西部（重庆）科学城)
    return bool(named) and all(reading.judges(m) and not reading.reads(m) for m in named)
