// What several people want to learn, most wanted first.
// Parameters: $keys (person keys).
// Returns: key, goals (list of {skill map, priority}), in key order.
// Indexes: person_key.
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (p:Person {key: $keys[i]})
CALL (p) {
  OPTIONAL MATCH (p)-[w:WANTS_TO_LEARN]->(s:Skill)
  WITH w, s ORDER BY w.priority, s.key
  RETURN collect(CASE WHEN s IS NULL THEN null ELSE {skill: s { .* }, priority: w.priority} END)
    AS goals
}
RETURN $keys[i] AS key, goals
ORDER BY i
