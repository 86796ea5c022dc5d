// The skills of several people, with level and years, strongest first.
// Parameters: $keys (person keys).
// Returns: key, skills (list of {skill map, level, years}), in key order.
// Indexes: person_key.
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (p:Person {key: $keys[i]})
CALL (p) {
  OPTIONAL MATCH (p)-[h:HAS_SKILL]->(s:Skill)
  WITH h, s ORDER BY h.level DESC, s.key
  RETURN collect(CASE WHEN s IS NULL THEN null ELSE
    {skill: s { .* }, level: h.level, years: h.years} END) AS skills
}
RETURN $keys[i] AS key, skills
ORDER BY i
