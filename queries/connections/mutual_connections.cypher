// For each pair of people, the connections they share, as the viewer may see them, by key.
// Both people of a pair must be visible to the viewer too: a pair with a hidden or missing
// person shares nobody, so a hidden key answers exactly as a key that does not exist.
// Parameters: $pairs (list of {a, b} person keys), $viewer, $admin, $limit (per pair).
// Returns: a, b, people (list of person maps, up to $limit), in the order of $pairs.
// Indexes: person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
UNWIND range(0, size($pairs) - 1) AS i
WITH viewer, i, $pairs[i] AS pair
CALL (viewer, pair) {
  OPTIONAL MATCH (a:Person {key: pair.a})-[:KNOWS]-(m:Person)-[:KNOWS]-(b:Person {key: pair.b})
  WHERE {{visible_to_caller(viewer, a)}}
    AND {{visible_to_caller(viewer, b)}}
    AND {{visible_to_caller(viewer, m)}}
  WITH DISTINCT m ORDER BY m.key
  WITH collect(m { .* }) AS shared
  RETURN shared[0..$limit] AS people
}
RETURN pair.a AS a, pair.b AS b, people
ORDER BY i
