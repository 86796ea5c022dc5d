// Gives a person a skill (or updates its level and years); a mentor can teach it.
// Parameters: $person, $skill (keys), $level (1..5), $years (int).
// Returns: person, skill (keys); no row when either does not exist.
MATCH (p:Person {key: $person})
MATCH (s:Skill {key: $skill})
MERGE (p)-[h:HAS_SKILL]->(s)
SET h.level = $level, h.years = $years
FOREACH (_ IN CASE WHEN p.openToMentor THEN [1] ELSE [] END |
  MERGE (p)-[t:CAN_TEACH]->(s)
  SET t.level = $level)
RETURN p.key AS person, s.key AS skill
