// People by key as the viewer may see them, in key order given; null where there is
// no such person or the viewer may not see them (so existence does not leak).
// Parameters: $keys (list of person keys), $viewer (viewer's key or null), $admin (bool).
// Returns: key, person (map of properties, or null).
// Indexes: person_key.
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (p:Person {key: $keys[i]})
WHERE p.key = $viewer OR $admin OR (
  NOT EXISTS { (p)-[:BLOCKED]-(:Person {key: $viewer}) }
  AND (p.visibility = 'PUBLIC'
       OR (p.visibility = 'CONNECTIONS' AND EXISTS { (p)-[:KNOWS]-(:Person {key: $viewer}) })))
RETURN $keys[i] AS key, p { .* } AS person
ORDER BY i
