// Every laboratory with each fact about it: the relation, its direction and the entity at the other end.
MATCH (lab:Laboratory)-[r:LOCATED_IN|PART_OF|PART_OF_CHAIN|SUPPORTS_CHAIN|OPERATED_BY|FOCUSES_ON|COOPERATES_WITH|UPSTREAM_OF]-(o:__Entity__)
RETURN DISTINCT lab.name AS laboratory, type(r) AS relation,
       CASE WHEN startNode(r) = lab THEN 'out' ELSE 'in' END AS direction, o.name AS other
ORDER BY laboratory, relation, direction, other
