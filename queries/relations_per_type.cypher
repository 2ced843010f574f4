// How many distinct facts of each relation type the graph holds.
MATCH (:__Entity__)-[r]->(:__Entity__)
RETURN type(r) AS relation, count(DISTINCT r.id) AS facts
ORDER BY relation, facts
