// Creates a bare person with only a key (crash-recovery probe and fixtures).
// Parameters: $key. Returns: key.
MERGE (p:Person {key: $key})
RETURN p.key AS key
