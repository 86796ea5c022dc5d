// Lifts $blocker's block on $blocked (a connection removed by the block stays removed).
// Parameters: $blocker, $blocked (person keys).
// Returns: removed (0 or 1).
OPTIONAL MATCH (:Person {key: $blocker})-[x:BLOCKED]->(:Person {key: $blocked})
DELETE x
RETURN count(x) AS removed
