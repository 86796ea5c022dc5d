// Answers a pending connection request from $from to $to: accept connects them.
// Parameters: $from (who asked), $to (who answers), $accept (bool).
// A request reveals its sender to its recipient, whatever the sender's visibility: the
// recipient may answer it even when they may not see the sender otherwise (a CONNECTIONS or
// PRIVATE person asking), and nobody else learns of it. A block deletes pending requests.
// Returns: connected (bool); no row, and nothing written, when there is no pending request.
MATCH (a:Person {key: $from})-[r:REQUESTED_CONNECTION]->(b:Person {key: $to})
DELETE r
WITH a, b
CALL (a, b) {
  WITH a, b WHERE $accept
  MERGE (a)-[k:KNOWS]-(b)
  ON CREATE SET k.since = date()
}
RETURN $accept AS connected
