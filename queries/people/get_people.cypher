// People by key, in the order of the keys given; a missing key gives a null row.
// Parameters: $keys (list of person keys).
// Returns: key, person (map of the person's properties, or null).
// Indexes: person_key.
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (p:Person {key: $keys[i]})
RETURN $keys[i] AS key, p { .* } AS person
ORDER BY i
