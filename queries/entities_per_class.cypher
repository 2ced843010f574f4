// How many entities of each of the eight classes the graph holds.
MATCH (e:__Entity__)
RETURN e.type AS class, count(DISTINCT e) AS entities
ORDER BY class, entities
