// One page of connections for each request, as the viewer may see them, by key, each with
// the nested parts its request asks for.
// Parameters: $requests (list of {person, backward, cursor (key or null), limit, parts}: a
//   keyset page, graph.pages.Window, as rules/connections_page; parts as rules/profile, or
//   null), $viewer, $admin. A batch mixes both directions: each request says its own.
// Returns: person, connections (list of rules/profile maps, up to limit), in request order.
// Indexes: person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
UNWIND range(0, size($requests) - 1) AS i
WITH viewer, i, $requests[i] AS req
OPTIONAL MATCH (p:Person {key: req.person})
WITH viewer, i, req, p, req.parts AS parts
RETURN req.person AS person, {{connections_page(viewer, p, req, parts)}} AS connections
ORDER BY i
