// Connects two people once (a connection is stored in one direction, read undirected).
// Parameters: $rows, each {a, b, since (date or null)}.
// Returns: count. Indexes: person_key.
UNWIND $rows AS row
MATCH (a:Person {key: row.a})
MATCH (b:Person {key: row.b})
MERGE (a)-[k:KNOWS]-(b)
ON CREATE SET k.since = row.since
RETURN count(*) AS count
