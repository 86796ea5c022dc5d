// One page of connections for each request, as the viewer may see them, by key.
// Parameters: $requests (list of {person, after (key or null), limit}), $viewer, $admin.
// Returns: person, connections (list of person maps, up to limit), in request order.
// Indexes: person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
UNWIND range(0, size($requests) - 1) AS i
WITH viewer, i, $requests[i] AS req
OPTIONAL MATCH (p:Person {key: req.person})
CALL (viewer, p, req) {
  OPTIONAL MATCH (p)-[:KNOWS]-(f:Person)
  WHERE f.key > coalesce(req.after, '')
    AND {{visible_to_caller(viewer, f)}}
  WITH f ORDER BY f.key
  WITH collect(f { .* }) AS all
  RETURN all[0..req.limit] AS connections
}
RETURN req.person AS person, connections
ORDER BY i
