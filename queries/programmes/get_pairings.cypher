// Programme mentorships (proposals included) by key, in the order given; null where none.
// Parameters: $keys (programme mentorship keys).
// Returns: key, pairing (map with programme, mentor and mentee keys, or null).
// Indexes: programme_mentorship_key.
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (p:Programme)<-[:IN]-(x:ProgrammeMentorship {key: $keys[i]})-[:MENTOR]->(m:Person)
OPTIONAL MATCH (x)-[:MENTEE]->(e:Person)
RETURN $keys[i] AS key,
       CASE WHEN x IS NULL THEN null
         ELSE x { .*, programme: p.key, mentor: m.key, mentee: e.key } END AS pairing
ORDER BY i
