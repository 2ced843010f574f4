// How many distinct facts each document states.
MATCH (:__Entity__)-[r]->(:__Entity__)
RETURN r.doc AS document, count(DISTINCT r.id) AS facts
ORDER BY document, facts
