// The evidence of every fact about one entity (parameter name), with document and character offsets.
// param: name = 合肥市
MATCH (e:__Entity__ {name: $name})-[r]-(:__Entity__)
RETURN DISTINCT type(r) AS relation, startNode(r).name AS head, endNode(r).name AS tail, r.doc AS document,
       r.start AS start, r.`end` AS end, r.evidence AS sentence
ORDER BY relation, head, tail, document, start, end, sentence
