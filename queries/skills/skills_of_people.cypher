// The skills of several people, with level and years, strongest first.
// Parameters: $keys (person keys).
// Returns: key, skills (list of {skill map, level, years}: rules/skills_of), in key order.
// Indexes: person_key.
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (p:Person {key: $keys[i]})
RETURN $keys[i] AS key, {{skills_of(p)}} AS skills
ORDER BY i
