// The places (districts, counties, zones, cities) that prioritise the most industry chains (FOCUSES_ON).
MATCH (p:Place)-[:FOCUSES_ON]->(c:IndustryChain)
RETURN p.name AS place, count(DISTINCT c) AS chains
ORDER BY chains DESC, place
