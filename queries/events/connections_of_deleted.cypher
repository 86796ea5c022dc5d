// The connections of a person about to delete their account, read in the deleting transaction
// before the delete, so the change record (PersonDeleted) names who lost a connection.
// Parameters: $key, $limit (at most this many; one more tells there were more).
// Returns one row: connections (list of keys, in key order, at most $limit + 1).
// Indexes: person_key.
OPTIONAL MATCH (:Person {key: $key})-[:KNOWS]-(c:Person)
WITH c.key AS key
ORDER BY key
LIMIT $limit + 1
RETURN collect(key) AS connections
