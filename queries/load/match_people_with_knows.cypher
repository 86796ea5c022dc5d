// Which of the given people have an outgoing KNOWS already (loaders: their connections are
// MERGEd, the others' CREATEd).
// Parameters: $keys (list of person keys).
// Returns: key, one row per such person. Indexes: person_key.
UNWIND $keys AS key
MATCH (p:Person {key: key})
WHERE EXISTS { (p)-[:KNOWS]->() }
RETURN p.key AS key
