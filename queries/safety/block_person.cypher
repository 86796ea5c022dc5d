// $blocker blocks $blocked: no longer connected, pending requests between them
// withdrawn (reason "blocked"), an active mentorship either way ends CANCELLED.
// Parameters: $blocker, $blocked (person keys), $reason (or null).
// Returns: blocker (the key; no row when either is missing), created (false when the block
//   existed already: nothing changed). What ended is not counted back:
//   a count would tell a hidden person from a key that is nobody's (docs/privacy.md); each
//   party sees it in their own lists.
MATCH (a:Person {key: $blocker})
MATCH (b:Person {key: $blocked})
WITH a, b, NOT EXISTS { (a)-[:BLOCKED]->(b) } AS created
MERGE (a)-[x:BLOCKED]->(b)
ON CREATE SET x.at = datetime(), x.reason = $reason
SET a:InBlock, b:InBlock
WITH a, b, created
CALL (a, b) {
  OPTIONAL MATCH (a)-[k:KNOWS]-(b)
  DELETE k
}
CALL (a, b) {
  OPTIONAL MATCH (a)-[c:REQUESTED_CONNECTION]-(b)
  DELETE c
}
CALL (a, b) {
  OPTIONAL MATCH (a)-[s:MENTORS {status: 'ACTIVE'}]-(b)
  SET s.status = 'CANCELLED', s.endedAt = datetime(), s.reason = 'blocked', s.endedBy = a.key
}
CALL (a, b) {
  OPTIONAL MATCH (x:Person)-[:REQUESTED]->(r:MentorshipRequest {state: 'PENDING'})-[:TO]->(y:Person)
  WHERE (x = a AND y = b) OR (x = b AND y = a)
  SET r.state = 'WITHDRAWN', r.reason = 'blocked', r.respondedAt = datetime()
}
RETURN a.key AS blocker, created
