// One page of connections for each request, as the viewer may see them, by key.
// Parameters: $requests (list of {person, backward, cursor (key or null), limit}: a keyset
//   page, graph.pages.Window: the connections after the cursor, or, backward, before it,
//   nearest first), $viewer, $admin. A batch mixes both directions: each request says its own.
// Returns: person, connections (list of person maps, up to limit), in request order.
// Indexes: person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
UNWIND range(0, size($requests) - 1) AS i
WITH viewer, i, $requests[i] AS req
OPTIONAL MATCH (p:Person {key: req.person})
CALL (viewer, p, req) {
  OPTIONAL MATCH (p)-[:KNOWS]-(f:Person)
  WHERE (req.cursor IS NULL
         OR CASE WHEN req.backward THEN f.key < req.cursor ELSE f.key > req.cursor END)
    AND {{visible_to_caller(viewer, f)}}
  WITH f ORDER BY f.key
  WITH collect(f { .* }) AS found
  RETURN CASE WHEN req.backward THEN reverse(found) ELSE found END[0..req.limit] AS connections
}
RETURN req.person AS person, connections
ORDER BY i
