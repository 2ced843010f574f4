"""Which places are districts a planner works with (shared by chain reports and gap statements)."""

from __future__ import annotations

from kg.model import Entity

# Places too large to be the "district" a planner works with.
NOT_DISTRICTS = frozenset({"Province", "Region"})


def is_district(entity: Entity) -> bool:
    """A place a planner works with: not a province, a region or a whole (prefecture-level)
    city; a county-level city (巢湖市, code 340181) is one."""
    if entity.type != "Place" or entity.subtype in NOT_DISTRICTS:
        return False
    return entity.subtype != "City" or bool(entity.division_code and not entity.division_code.endswith("00"))
