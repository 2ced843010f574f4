// Gaps: chains some place or organisation prioritises (FOCUSES_ON) that no lab, facility, institute, university or platform supports.
MATCH (p:__Entity__)-[:FOCUSES_ON]->(c:IndustryChain)
WHERE NOT EXISTS { MATCH (:__Entity__)-[:SUPPORTS_CHAIN]->(c) }
RETURN c.name AS chain, count(DISTINCT p) AS prioritisedBy
ORDER BY prioritisedBy DESC, chain
