// Records what people want to learn, with a priority (1 = most wanted).
// Parameters: $rows, each {person, skill, priority}.
// Returns: count. Indexes: person_key, skill_key.
UNWIND $rows AS row
MATCH (p:Person {key: row.person})
MATCH (s:Skill {key: row.skill})
MERGE (p)-[w:WANTS_TO_LEARN]->(s)
SET w.priority = row.priority
RETURN count(*) AS count
