// For each pair of people, the connections they share, as the viewer may see them, by key.
// Parameters: $pairs (list of {a, b} person keys), $viewer, $admin, $limit (per pair).
// Returns: a, b, people (list of person maps, up to $limit), in the order of $pairs.
// Indexes: person_key.
UNWIND range(0, size($pairs) - 1) AS i
WITH i, $pairs[i] AS pair
CALL (pair) {
  OPTIONAL MATCH (:Person {key: pair.a})-[:KNOWS]-(m:Person)-[:KNOWS]-(:Person {key: pair.b})
  WHERE m.key = $viewer OR $admin OR (
    NOT EXISTS { (m)-[:BLOCKED]-(:Person {key: $viewer}) }
    AND (m.visibility = 'PUBLIC'
         OR (m.visibility = 'CONNECTIONS' AND EXISTS { (m)-[:KNOWS]-(:Person {key: $viewer}) })))
  WITH DISTINCT m ORDER BY m.key
  WITH collect(m { .* }) AS shared
  RETURN shared[0..$limit] AS people
}
RETURN pair.a AS a, pair.b AS b, people
ORDER BY i
