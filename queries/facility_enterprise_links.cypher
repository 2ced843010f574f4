// Facilities and enterprises joined by a path of at most three relations (any type, either direction).
MATCH (f:LargeScientificFacility)-[:LOCATED_IN|PART_OF|PART_OF_CHAIN|SUPPORTS_CHAIN|OPERATED_BY|FOCUSES_ON|COOPERATES_WITH|UPSTREAM_OF*1..3]-(e:Enterprise)
RETURN DISTINCT f.name AS facility, e.name AS enterprise
ORDER BY facility, enterprise
