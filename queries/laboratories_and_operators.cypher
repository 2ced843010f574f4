// The laboratories and the universities, institutes or enterprises that operate (依托, 承建) them.
MATCH (lab:Laboratory)-[:OPERATED_BY]->(o:__Entity__)
RETURN DISTINCT lab.name AS laboratory, o.name AS operator
ORDER BY laboratory, operator
