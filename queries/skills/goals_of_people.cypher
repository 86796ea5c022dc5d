// What several people want to learn, most wanted first.
// Parameters: $keys (person keys).
// Returns: key, goals (list of {skill map, priority}: rules/goals_of), in key order.
// Indexes: person_key.
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (p:Person {key: $keys[i]})
RETURN $keys[i] AS key, {{goals_of(p)}} AS goals
ORDER BY i
