// Moves a request to a final state (DECLINED, WITHDRAWN, EXPIRED) with a reason.
// Parameters: $key, $state, $reason (or null).
// Returns: request (map with mentee and mentor keys).
MATCH (a:Person)-[:REQUESTED]->(r:MentorshipRequest {key: $key})-[:TO]->(m:Person)
SET r.state = $state, r.reason = $reason, r.respondedAt = datetime()
RETURN r { .*, mentee: a.key, mentor: m.key } AS request
