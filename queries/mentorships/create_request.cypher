// Creates a PENDING mentorship request from $mentee to $mentor.
// Parameters: $key (new request key), $mentee, $mentor, $message, $goals (skill keys),
//   $ttlDays (days until it expires).
// Returns: request (map of properties).
MATCH (a:Person {key: $mentee})
MATCH (m:Person {key: $mentor})
CREATE (a)-[:REQUESTED]->(r:MentorshipRequest {
  key: $key, state: 'PENDING', message: $message, goals: $goals,
  createdAt: datetime(), expiresAt: datetime() + duration({days: $ttlDays})
})-[:TO]->(m)
RETURN r { .*, mentee: a.key, mentor: m.key } AS request
