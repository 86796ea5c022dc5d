// A page of the programmes $viewer may see (rules/programme_visible_to), by key.
// Parameters: $viewer (person key or null), a keyset page (graph.pages.Window) by key:
//   forwards, $after (key or null); backwards, $before (key or null), nearest it first; $limit.
// Returns: programme (map of properties with admin and role, as get_programmes).
// Indexes: programme_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
MATCH (p:Programme)
WHERE {{($after IS NULL OR p.key > $after)|($before IS NULL OR p.key < $before)}}
  AND {{programme_visible_to(viewer, p)}}
WITH viewer, p
ORDER BY p.key{{| DESC}}
LIMIT $limit
RETURN p { .*, admin: EXISTS { (viewer)-[:ADMINS]->(p) },
         role: head(COLLECT { MATCH (viewer)-[m:MEMBER_OF]->(p) RETURN m.role }) } AS programme
