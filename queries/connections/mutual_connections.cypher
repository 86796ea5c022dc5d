// The connections two people share, as the viewer may see them, by key.
// Parameters: $a, $b (person keys), $viewer, $admin, $limit.
// Returns: person (map of properties).
MATCH (:Person {key: $a})-[:KNOWS]-(m:Person)-[:KNOWS]-(:Person {key: $b})
WHERE m.key = $viewer OR $admin OR (
  NOT EXISTS { (m)-[:BLOCKED]-(:Person {key: $viewer}) }
  AND (m.visibility = 'PUBLIC'
       OR (m.visibility = 'CONNECTIONS' AND EXISTS { (m)-[:KNOWS]-(:Person {key: $viewer}) })))
RETURN DISTINCT m { .* } AS person
ORDER BY person.key
LIMIT $limit
