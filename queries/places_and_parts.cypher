// Places and what they contain: the places and organisations that are part of them or located in them.
MATCH (x:__Entity__)-[r:PART_OF|LOCATED_IN]->(p:Place)
RETURN DISTINCT p.name AS place, type(r) AS relation, x.name AS part
ORDER BY place, relation, part
