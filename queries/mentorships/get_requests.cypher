// Mentorship requests by key, in the order given; null where there is none.
// A PENDING request past its expiry reads as EXPIRED.
// Parameters: $keys (request keys).
// Returns: key, request (map with mentee and mentor keys, or null).
// Indexes: mentorship_request_key.
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (a:Person)-[:REQUESTED]->(r:MentorshipRequest {key: $keys[i]})-[:TO]->(m:Person)
RETURN $keys[i] AS key,
       CASE WHEN r IS NULL THEN null ELSE r { .*, mentee: a.key, mentor: m.key,
         state: CASE WHEN r.state = 'PENDING' AND r.expiresAt <= datetime() THEN 'EXPIRED'
                ELSE r.state END } END AS request
ORDER BY i
