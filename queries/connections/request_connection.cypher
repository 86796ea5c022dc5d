// Records a pending connection request from $from to $to.
// Parameters: $from, $to (person keys).
// Returns: at (when it was requested).
MATCH (a:Person {key: $from})
MATCH (b:Person {key: $to})
MERGE (a)-[r:REQUESTED_CONNECTION]->(b)
ON CREATE SET r.at = datetime()
RETURN r.at AS at
