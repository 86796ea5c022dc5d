// A page of a person's mentorship requests, newest first (keys sort by creation time).
// Parameters: $person (key), $role ('MENTEE': sent, 'MENTOR': received), $state (or null),
//   a keyset page (graph.pages.Window) over the newest first: forwards, $after (key or
//   null), the older requests; backwards, $before (key or null), the newer ones, oldest
//   first; $limit.
// Returns: request (map with mentee and mentor keys, expiry applied to state).
MATCH (a:Person)-[:REQUESTED]->(r:MentorshipRequest)-[:TO]->(m:Person)
WHERE CASE $role WHEN 'MENTEE' THEN a.key ELSE m.key END = $person
  AND {{($after IS NULL OR r.key < $after)|($before IS NULL OR r.key > $before)}}
WITH a, r, m, CASE WHEN r.state = 'PENDING' AND r.expiresAt <= datetime() THEN 'EXPIRED'
                   ELSE r.state END AS state
WHERE $state IS NULL OR state = $state
RETURN r { .*, mentee: a.key, mentor: m.key, state: state } AS request
ORDER BY r.key{{ DESC|}}
LIMIT $limit
