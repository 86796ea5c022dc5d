// Relates two skills with a weight in (0, 1] (stored once, read undirected).
// Parameters: $rows, each {a, b, weight}.
// Returns: count. Indexes: skill_key.
UNWIND $rows AS row
MATCH (a:Skill {key: row.a})
MATCH (b:Skill {key: row.b})
MERGE (a)-[r:RELATED_TO]-(b)
SET r.weight = row.weight
RETURN count(*) AS count
