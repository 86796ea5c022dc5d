// Gives people skills with a level (1..5) and years of practice.
// A mentor's skill is also a CAN_TEACH {level} (what ranking scans; see docs/data.md).
// Parameters: $rows, each {person, skill, level, years}.
// Returns: count. Indexes: person_key, skill_key.
UNWIND $rows AS row
MATCH (p:Person {key: row.person})
MATCH (s:Skill {key: row.skill})
MERGE (p)-[h:HAS_SKILL]->(s)
SET h.level = row.level, h.years = row.years
FOREACH (_ IN CASE WHEN p.openToMentor THEN [1] ELSE [] END |
  MERGE (p)-[t:CAN_TEACH]->(s)
  SET t.level = row.level)
RETURN count(*) AS count
