// Which chains feed which (UPSTREAM_OF), directly or through other chains.
MATCH (u:IndustryChain)-[:UPSTREAM_OF*1..]->(d:IndustryChain)
WHERE u <> d
RETURN DISTINCT u.name AS upstream, d.name AS downstream
ORDER BY upstream, downstream
