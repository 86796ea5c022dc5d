// Programmes by key as $viewer sees them, in the order given; null where there is none or
// the viewer may not see it (rules/programme_visible_to), alike.
// Parameters: $keys (programme keys), $viewer (person key or null).
// Returns: key, programme (map of properties with admin: the viewer ADMINS it, and role:
//   the viewer's MEMBER_OF role or null; or null).
// Indexes: programme_key, person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (p:Programme {key: $keys[i]})
WITH i, viewer, CASE WHEN p IS NOT NULL AND {{programme_visible_to(viewer, p)}} THEN p END AS p
RETURN $keys[i] AS key,
       CASE WHEN p IS NULL THEN null ELSE p { .*, admin: EXISTS { (viewer)-[:ADMINS]->(p) },
         role: head(COLLECT { MATCH (viewer)-[m:MEMBER_OF]->(p) RETURN m.role }) } END
         AS programme
ORDER BY i
