// Plain CREATE of the rows of load/merge_wants_to_learn for people created in the same
// transaction (loaders' fast path) and the benchmark baseline; not idempotent by itself.
// Parameters: $rows, each {person, skill, priority}.
// Returns: count. Indexes: person_key, skill_key.
UNWIND $rows AS row
MATCH (p:Person {key: row.person})
MATCH (s:Skill {key: row.skill})
CREATE (p)-[:WANTS_TO_LEARN {priority: row.priority}]->(s)
RETURN count(*) AS count
