// The people in an active mentorship with a person, either way (who may see their
// contact details).
// Parameters: $keys (person keys).
// Returns: key, partners (list of person keys), in key order.
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (p:Person {key: $keys[i]})
RETURN $keys[i] AS key,
       COLLECT { MATCH (p)-[:MENTORS {status: 'ACTIVE'}]-(o:Person) RETURN DISTINCT o.key } AS partners
ORDER BY i
