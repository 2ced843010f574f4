// Facts the extractor was least sure of (confidence below 0.7), for review, with their document.
MATCH (h:__Entity__)-[r]->(t:__Entity__)
WHERE r.confidence < 0.7
RETURN DISTINCT type(r) AS relation, h.name AS head, t.name AS tail, r.confidence AS confidence, r.doc AS document
ORDER BY relation, head, tail, confidence, document
