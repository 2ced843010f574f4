// Entities whose facts come from more than one document (corroborated across sources), with the number of documents.
// Only the eight relation types join entities: an untyped pattern also walked every mention (FROM_CHUNK)
// of every entity (Neo4j 220 ms -> 65 ms, kglite 60 ms -> 35 ms of CPU at 100x the seeds).
MATCH (e:__Entity__)-[r:LOCATED_IN|PART_OF|PART_OF_CHAIN|SUPPORTS_CHAIN|OPERATED_BY|FOCUSES_ON|COOPERATES_WITH|UPSTREAM_OF]-()
WITH e.name AS entity, count(DISTINCT r.doc) AS documents
WHERE documents > 1
RETURN entity, documents
ORDER BY documents DESC, entity
