// Ends an active mentorship between $mentor and $mentee as COMPLETED or CANCELLED.
// Parameters: $mentor, $mentee (keys), $status, $reason, $endedBy (the key of whichever
//   ended it, for the review patterns: graph/outcomes.py).
// Returns: mentor, mentee, status, since, endedAt; no row when none is active.
MATCH (m:Person {key: $mentor})-[s:MENTORS {status: 'ACTIVE'}]->(a:Person {key: $mentee})
SET s.status = $status, s.reason = $reason, s.endedAt = datetime(), s.endedBy = $endedBy
RETURN m.key AS mentor, a.key AS mentee, s.status AS status, s.since AS since,
       s.endedAt AS endedAt
