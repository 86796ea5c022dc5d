// Gives people skills with a level (1..5) and years of practice.
// Parameters: $rows, each {person, skill, level, years}.
// Returns: count. Indexes: person_key, skill_key.
UNWIND $rows AS row
MATCH (p:Person {key: row.person})
MATCH (s:Skill {key: row.skill})
MERGE (p)-[h:HAS_SKILL]->(s)
SET h.level = row.level, h.years = row.years
RETURN count(*) AS count
