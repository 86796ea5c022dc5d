// Removes the connection between two people (either direction).
// Parameters: $a, $b (person keys).
// Returns: removed (0 or 1).
OPTIONAL MATCH (:Person {key: $a})-[k:KNOWS]-(:Person {key: $b})
DELETE k
RETURN count(k) AS removed
