// Programme mentorships (proposals included) by key, in the order given; null where none,
// with what decides whether $viewer may see each: being one of its two sides, or an admin of
// its programme who may see both of them (rules/programme_pairing_shown), and whether they
// may see its programme (rules/programme_visible_to), as Programme.mentorships asks.
// Parameters: $keys (programme mentorship keys), $viewer (person key or null).
// Returns: key, pairing (map with programme, mentor and mentee keys, or null), admin (the
//   viewer ADMINS its programme), shown (programme_pairing_shown for the viewer), visible
//   (programme_visible_to for the viewer).
// Indexes: programme_mentorship_key, person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (p:Programme)<-[:IN]-(x:ProgrammeMentorship {key: $keys[i]})-[:MENTOR]->(m:Person)
OPTIONAL MATCH (x)-[:MENTEE]->(e:Person)
RETURN $keys[i] AS key,
       CASE WHEN x IS NULL THEN null
         ELSE x { .*, programme: p.key, mentor: m.key, mentee: e.key } END AS pairing,
       x IS NOT NULL AND EXISTS { (viewer)-[:ADMINS]->(p) } AS admin,
       x IS NOT NULL AND {{programme_pairing_shown(viewer, x)}} AS shown,
       x IS NOT NULL AND {{programme_visible_to(viewer, p)}} AS visible
ORDER BY i
