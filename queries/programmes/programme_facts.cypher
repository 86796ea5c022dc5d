// What decides what $viewer may do with a programme (inside the writing transaction).
// Parameters: $programme (key), $viewer (person key).
// Returns: programme (map of properties, or null), visible (rules/programme_visible_to:
//   a hidden programme answers as one that does not exist), admin (the viewer ADMINS it),
//   role (the viewer's MEMBER_OF role, or null), openToMentor (the viewer's own opt-in).
// Indexes: programme_key, person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
OPTIONAL MATCH (p:Programme {key: $programme})
RETURN p { .* } AS programme,
       p IS NOT NULL AND {{programme_visible_to(viewer, p)}} AS visible,
       EXISTS { (viewer)-[:ADMINS]->(p) } AS admin,
       head(COLLECT { MATCH (viewer)-[m:MEMBER_OF]->(p) RETURN m.role }) AS role,
       coalesce(viewer.openToMentor, false) AS openToMentor
