// Employment histories of several people, newest first.
// Parameters: $keys (person keys).
// Returns: key, employment (list of {employer map, title, since, until}:
//   rules/employment_of), in key order.
// Indexes: person_key.
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (p:Person {key: $keys[i]})
RETURN $keys[i] AS key, {{employment_of(p)}} AS employment
ORDER BY i
