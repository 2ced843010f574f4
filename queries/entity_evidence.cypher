// The evidence of every fact about one entity (parameter name, also the first column), with document and offsets.
// param: name = 合肥市
MATCH (e:__Entity__ {name: $name})-[r]-(:__Entity__)
RETURN DISTINCT e.name AS name, type(r) AS relation, startNode(r).name AS head, endNode(r).name AS tail, r.doc AS document,
       r.start AS startOffset, r.`end` AS endOffset, r.evidence AS sentence
ORDER BY name, relation, head, tail, document, startOffset, endOffset, sentence
