// Creates a bare person with only a key (crash-recovery probe and fixtures).
// Parameters: $key. Returns: key.
MERGE (p:Person {key: $key})
ON CREATE SET p.visibility = 'PUBLIC'
RETURN p.key AS key
