// Everything located in 合肥市 or in a place that is (transitively) part of it.
MATCH (e:__Entity__)-[:LOCATED_IN]->(p:__Entity__)-[:PART_OF*0..]->(:__Entity__ {name: '合肥市'})
RETURN DISTINCT e.name AS entity, p.name AS place
ORDER BY entity, place
