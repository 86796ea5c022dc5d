// Plain CREATE of the rows of load/merge_has_skill for people created in the same
// transaction (loaders' fast path) and the benchmark baseline; not idempotent by itself.
// A mentor's skill is also a CAN_TEACH {level} (what ranking scans; see docs/data.md).
// Parameters: $rows, each {person, skill, level, years}.
// Returns: count. Indexes: person_key, skill_key.
UNWIND $rows AS row
MATCH (p:Person {key: row.person})
MATCH (s:Skill {key: row.skill})
CREATE (p)-[:HAS_SKILL {level: row.level, years: row.years}]->(s)
FOREACH (_ IN CASE WHEN p.openToMentor THEN [1] ELSE [] END |
  CREATE (p)-[:CAN_TEACH {level: row.level}]->(s))
RETURN count(*) AS count
