// A step on a learning path: knowing `from` leads on to `to`.
// Parameters: $rows, each {from, to}.
// Returns: count. Indexes: skill_key.
UNWIND $rows AS row
MATCH (a:Skill {key: row.from})
MATCH (b:Skill {key: row.to})
MERGE (a)-[:LEADS_TO]->(b)
RETURN count(*) AS count
