// Pairs of organisations that cooperate (合作, 共建, 联合), each pair once, names in code-point order.
MATCH (x:__Entity__)-[:COOPERATES_WITH]->(y:__Entity__)
RETURN DISTINCT CASE WHEN x.name < y.name THEN x.name ELSE y.name END AS first,
                CASE WHEN x.name < y.name THEN y.name ELSE x.name END AS second
ORDER BY first, second
