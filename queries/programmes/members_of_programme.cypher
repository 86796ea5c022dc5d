// A page of a programme's members, by key, listing only the people the viewer may see
// (rules/programme_shows). The caller has checked that the viewer may see the programme.
// Parameters: $programme (key), $role ('MENTOR', 'MENTEE' or null: both), $viewer (key or
//   null), a keyset page (graph.pages.Window) by person key: forwards,
//   $after; backwards, $before, nearest it first; $limit.
// Returns: person (map of properties), role, capacity, goals.
// Indexes: programme_key, person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
MATCH (p:Programme {key: $programme})<-[m:MEMBER_OF]-(o:Person)
WHERE ($role IS NULL OR m.role = $role)
  AND {{($after IS NULL OR o.key > $after)|($before IS NULL OR o.key < $before)}}
  AND {{programme_shows(viewer, o)}}
WITH o, m
ORDER BY o.key{{| DESC}}
LIMIT $limit
RETURN o { .* } AS person, m.role AS role, m.capacity AS capacity, m.goals AS goals
