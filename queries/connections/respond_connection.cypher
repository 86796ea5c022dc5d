// Answers a pending connection request from $from to $to: accept connects them.
// Parameters: $from (who asked), $to (who answers), $accept (bool).
// Returns: connected (bool); no row, and nothing written, when there is no pending request
//   or $to may not see $from (rules/visible_to: a hidden person's request is no request).
MATCH (a:Person {key: $from})-[r:REQUESTED_CONNECTION]->(b:Person {key: $to})
WHERE {{visible_to(b, a)}}
DELETE r
WITH a, b
CALL (a, b) {
  WITH a, b WHERE $accept
  MERGE (a)-[k:KNOWS]-(b)
  ON CREATE SET k.since = date()
}
RETURN $accept AS connected
