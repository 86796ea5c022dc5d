// Which of the given people exist already (loaders: the others are CREATEd with their rows).
// Parameters: $keys (list of person keys).
// Returns: key, id (element id), one row per person that exists. Indexes: person_key.
UNWIND $keys AS key
MATCH (p:Person {key: key})
RETURN p.key AS key, elementId(p) AS id
