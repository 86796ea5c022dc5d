// People by key as the viewer may see them, in key order given; null where there is
// no such person or the viewer may not see them (so existence does not leak); with what a
// screen shows of each (graph.screens.Screen), in the same round trip.
// Parameters: $keys (list of person keys), $viewer (viewer's key or null), $admin (bool),
//   $screen (null, or {parts, connections, connectionParts}: the nested parts of each
//   person, rules/profile; a page of their connections, rules/connections_page, or null;
//   the nested parts of each connection).
// Returns: key, person (rules/profile, or null), connections (list of rules/profile maps,
//   or null: not asked for, or no person).
// Indexes: person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
WITH viewer, $screen.parts AS parts, $screen.connections AS page,
     $screen.connectionParts AS connectionParts
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (p:Person {key: $keys[i]})
WHERE {{visible_to_caller(viewer, p)}}
RETURN $keys[i] AS key, {{profile(p, parts)}} AS person,
       CASE WHEN p IS NOT NULL THEN {{connections_page(viewer, p, page, connectionParts)}} END
         AS connections
ORDER BY i
