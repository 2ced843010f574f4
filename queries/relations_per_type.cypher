// How many distinct facts of each relation type the graph holds.
// Only the eight relation types join entities (an untyped pattern walks the lexical graph's FROM_CHUNK
// too). Each relationship is one fact: its id is made from the type, the two ends, the document and the
// sentence, and the loader merges on it (a constraint in Neo4j), so rows are counted without reading
// ids (Neo4j 65 ms -> 8 ms, kglite 30 ms -> 9 ms of CPU at 100x the seeds).
MATCH (:__Entity__)-[r:LOCATED_IN|PART_OF|PART_OF_CHAIN|SUPPORTS_CHAIN|OPERATED_BY|FOCUSES_ON|COOPERATES_WITH|UPSTREAM_OF]->()
RETURN type(r) AS relation, count(*) AS facts
ORDER BY relation, facts
