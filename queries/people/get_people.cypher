// People by key as the viewer may see them, in key order given; null where there is
// no such person or the viewer may not see them (so existence does not leak).
// Parameters: $keys (list of person keys), $viewer (viewer's key or null), $admin (bool).
// Returns: key, person (map of properties, or null).
// Indexes: person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (p:Person {key: $keys[i]})
WHERE {{visible_to_caller(viewer, p)}}
RETURN $keys[i] AS key, p { .* } AS person
ORDER BY i
