// One page of connections for each request, as the viewer may see them, by key.
// Parameters: $requests (list of {person, after (key or null), limit}), $viewer, $admin.
// Returns: person, connections (list of person maps, up to limit), in request order.
// Indexes: person_key.
UNWIND range(0, size($requests) - 1) AS i
WITH i, $requests[i] AS req
OPTIONAL MATCH (p:Person {key: req.person})
CALL (p, req) {
  OPTIONAL MATCH (p)-[:KNOWS]-(f:Person)
  WHERE f.key > coalesce(req.after, '')
    AND (f.key = $viewer OR $admin OR (
      NOT EXISTS { (f)-[:BLOCKED]-(:Person {key: $viewer}) }
      AND (f.visibility = 'PUBLIC'
           OR (f.visibility = 'CONNECTIONS' AND EXISTS { (f)-[:KNOWS]-(:Person {key: $viewer}) }))))
  WITH f ORDER BY f.key
  WITH collect(f { .* }) AS all
  RETURN all[0..req.limit] AS connections
}
RETURN req.person AS person, connections
ORDER BY i
