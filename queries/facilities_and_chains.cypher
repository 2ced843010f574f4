// The large scientific facilities and the industry chains they support.
MATCH (f:LargeScientificFacility)-[:SUPPORTS_CHAIN]->(c:IndustryChain)
RETURN DISTINCT f.name AS facility, c.name AS chain
ORDER BY facility, chain
