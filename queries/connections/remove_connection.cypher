// Removes the connection between two people (either direction).
// Parameters: $a, $b (person keys).
// Returns: removed (0 or 1); 0, and nothing written, when $a may not see $b
//   (rules/visible_to: a hidden person answers as one who does not exist).
OPTIONAL MATCH (a:Person {key: $a})-[k:KNOWS]-(b:Person {key: $b})
WHERE {{visible_to(a, b)}}
DELETE k
RETURN count(k) AS removed
