// Review queue, first page: the 100 facts the extractor was least sure of (confidence below 0.7), least sure first, with document, sentence and the queue's length.
// One row per fact as the graph keeps it (a relationship: relation, ends, document, sentence).
// Only the lowest confidences are read again: those with fewer than 100 facts below them (the
// confidences are counted first, without reading names). `{confidence: confidence}` in the pattern,
// not a WHERE on it: kglite filters the pattern as it walks (5 ms, the WHERE 19 ms at 100x).
// The next page: SKIP 100 before the LIMIT, and 200 for the 100 of `before < 100`.
MATCH (:__Entity__)-[r:COOPERATES_WITH|FOCUSES_ON|LOCATED_IN|OPERATED_BY|PART_OF|PART_OF_CHAIN|SUPPORTS_CHAIN|UPSTREAM_OF]->(:__Entity__)
WHERE r.confidence < 0.7
WITH r.confidence AS level, count(*) AS n
WITH collect([level, n]) AS levels, sum(n) AS total
UNWIND levels AS here
UNWIND levels AS other
WITH here[0] AS confidence, total, sum(CASE WHEN other[0] < here[0] THEN other[1] ELSE 0 END) AS before
WHERE before < 100
MATCH (h:__Entity__)-[r:COOPERATES_WITH|FOCUSES_ON|LOCATED_IN|OPERATED_BY|PART_OF|PART_OF_CHAIN|SUPPORTS_CHAIN|UPSTREAM_OF {confidence: confidence}]->(t:__Entity__)
RETURN type(r) AS relation, h.name AS head, t.name AS tail, r.confidence AS confidence, r.doc AS document,
       r.start AS startOffset, r.evidence AS sentence, total
ORDER BY confidence, relation, head, tail, document, startOffset, sentence
LIMIT 100
