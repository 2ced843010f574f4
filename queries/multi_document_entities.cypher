// Entities whose facts come from more than one document (corroborated across sources), with the number of documents.
MATCH (e:__Entity__)-[r]-(:__Entity__)
WITH e.name AS entity, count(DISTINCT r.doc) AS documents
WHERE documents > 1
RETURN entity, documents
ORDER BY documents DESC, entity
