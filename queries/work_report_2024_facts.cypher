// Every fact stated by the 2024 Hefei government work report (002_254ccf3dff91ce83.txt), with its sentence.
MATCH (h:__Entity__)-[r]->(t:__Entity__)
WHERE r.doc = '002_254ccf3dff91ce83.txt'
RETURN DISTINCT type(r) AS relation, h.name AS head, t.name AS tail, r.evidence AS sentence
ORDER BY relation, head, tail, sentence
