// Gives a person a skill (or updates its level and years).
// Parameters: $person, $skill (keys), $level (1..5), $years (int).
// Returns: person, skill (keys); no row when either does not exist.
MATCH (p:Person {key: $person})
MATCH (s:Skill {key: $skill})
MERGE (p)-[h:HAS_SKILL]->(s)
SET h.level = $level, h.years = $years
RETURN p.key AS person, s.key AS skill
