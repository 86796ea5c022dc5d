// What the loaders wrote about some people: their employers, schools and skills (checks).
// Parameters: $keys (person keys).
// Returns: key, employers (keys), schools (keys), skills (names), wants (skill names);
//   one row per person found, lists sorted.
UNWIND $keys AS key
MATCH (p:Person {key: key})
RETURN key,
       COLLECT { MATCH (p)-[:WORKS_AT]->(e:Employer) RETURN DISTINCT e.key AS k ORDER BY k } AS employers,
       COLLECT { MATCH (p)-[:STUDIED_AT]->(s:School) RETURN DISTINCT s.key AS k ORDER BY k } AS schools,
       COLLECT { MATCH (p)-[:HAS_SKILL]->(s:Skill) RETURN s.name AS n ORDER BY n } AS skills,
       COLLECT { MATCH (p)-[:WANTS_TO_LEARN]->(s:Skill) RETURN s.name AS n ORDER BY n } AS wants
