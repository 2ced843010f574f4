// Places and every larger place they lie within, following PART_OF transitively (庐江县 → 合肥市 → 安徽省).
MATCH (p:Place)-[:PART_OF*1..]->(w:Place)
WHERE p <> w
RETURN DISTINCT p.name AS place, w.name AS within
ORDER BY place, within
