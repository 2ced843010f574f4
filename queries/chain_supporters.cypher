// Every organisation or facility that supports a chain, with its class (labs, facilities, institutes, universities, platforms).
MATCH (s:__Entity__)-[:SUPPORTS_CHAIN]->(c:IndustryChain)
RETURN DISTINCT c.name AS chain, s.name AS supporter, s.type AS class
ORDER BY chain, supporter, class
