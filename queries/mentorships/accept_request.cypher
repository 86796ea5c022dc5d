// Accepts a request: it becomes ACCEPTED and the mentor starts mentoring the mentee.
// Parameters: $key, $reason (or null).
// Returns: request (map with mentee and mentor keys).
MATCH (a:Person)-[:REQUESTED]->(r:MentorshipRequest {key: $key})-[:TO]->(m:Person)
SET r.state = 'ACCEPTED', r.reason = $reason, r.respondedAt = datetime()
MERGE (m)-[s:MENTORS {status: 'ACTIVE'}]->(a)
ON CREATE SET s.since = datetime(), s.request = r.key
RETURN r { .*, mentee: a.key, mentor: m.key } AS request
