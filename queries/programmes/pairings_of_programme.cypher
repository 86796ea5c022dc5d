// A page of a programme's mentorships (proposals included), newest first (keys sort by
// creation time): all of them for its admins, a member's own for anyone else; only pairs
// whose two people the viewer may see (rules/programme_pairing_shown, as the member list).
// Parameters: $programme (key), $viewer (key), $all (bool: the viewer ADMINS the programme),
//   $state (or null), a keyset page (graph.pages.Window) over the newest first: forwards,
//   $after (key or null), older ones; backwards, $before, newer ones, oldest first; $limit.
// Returns: pairing (map with programme, mentor and mentee keys).
// Indexes: programme_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
MATCH (p:Programme {key: $programme})<-[:IN]-(x:ProgrammeMentorship)-[:MENTOR]->(m:Person)
MATCH (x)-[:MENTEE]->(e:Person)
WHERE ($all OR $viewer IN [m.key, e.key])
  AND {{programme_pairing_shown(viewer, x)}}
  AND ($state IS NULL OR x.state = $state)
  AND {{($after IS NULL OR x.key < $after)|($before IS NULL OR x.key > $before)}}
RETURN x { .*, programme: p.key, mentor: m.key, mentee: e.key } AS pairing
ORDER BY x.key{{ DESC|}}
LIMIT $limit
