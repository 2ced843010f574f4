// The enterprises of the new-energy-vehicle chain (新能源汽车) and the places they are located in ("" when unknown).
MATCH (firm:Enterprise)-[:PART_OF_CHAIN]->(:IndustryChain {name: '新能源汽车'})
OPTIONAL MATCH (firm)-[:LOCATED_IN]->(p:Place)
RETURN DISTINCT firm.name AS enterprise, coalesce(p.name, '') AS place
ORDER BY enterprise, place
