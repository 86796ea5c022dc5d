// A page of the people the viewer may see, by key, optionally filtered; with what a screen
// shows of each (graph.screens.Screen), in the same round trip.
// Parameters: $viewer (key or null), $admin (bool), $search (substring of name or
//   headline, case-insensitive, or null), $skill (skill key or null), $employer
//   (employer key or null, current or former); a keyset page (graph.pages.Window):
//   forwards, $after (key or null), the rows after it; backwards, $before (key or null),
//   the rows before it, nearest first; $limit (page size + 1, to tell there is more);
//   $screen (null, or {parts, connections, connectionParts}: as people/get_people).
// Returns: person (rules/profile), connections (as people/get_people), ordered by key
//   (backwards: by key descending).
// Indexes: person_key (an ordered range seek either way: keys are ASCII, api.validation,
//   so '' sorts before every key and U+FFFF after every one).
OPTIONAL MATCH (viewer:Person {key: $viewer})
// One row, said so: the planner then walks the key index in order and stops at $limit,
// where an OPTIONAL MATCH's row count left it reading the whole range and sorting it.
WITH viewer LIMIT 1
MATCH (p:Person)
WHERE {{p.key > coalesce($after, '')|p.key < coalesce($before, '\uFFFF')}}
  AND ($search IS NULL OR toLower(p.name) CONTAINS toLower($search)
       OR toLower(p.headline) CONTAINS toLower($search))
  AND ($skill IS NULL OR EXISTS { (p)-[:HAS_SKILL]->(:Skill {key: $skill}) })
  AND ($employer IS NULL OR EXISTS { (p)-[:WORKS_AT]->(:Employer {key: $employer}) })
  AND {{visible_to_caller(viewer, p)}}
WITH viewer, p
ORDER BY p.key{{| DESC}}
LIMIT $limit
WITH viewer, p, $screen.parts AS parts, $screen.connections AS page,
     $screen.connectionParts AS connectionParts
RETURN {{profile(p, parts)}} AS person,
       {{connections_page(viewer, p, page, connectionParts)}} AS connections
ORDER BY p.key{{| DESC}}
