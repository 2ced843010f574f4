// Industry chains by the number of member enterprises (PART_OF_CHAIN).
MATCH (firm:Enterprise)-[:PART_OF_CHAIN]->(c:IndustryChain)
RETURN c.name AS chain, count(DISTINCT firm) AS enterprises
ORDER BY enterprises DESC, chain
