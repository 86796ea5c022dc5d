// Takes up to $limit guided steps that have fallen due and were not announced, marks them
// announced (they lose the Upcoming label, so each is taken once and the scan stays small),
// and returns those of ACTIVE mentorships. The caller holds the `step-due` sequence lock
// (events/lock_sequence), so two processes never take the same step.
// Parameters: $limit.
// Returns: step (map), pairing (key), programme (key), mentor, mentee (keys).
// Indexes: upcoming_step_due.
MATCH (s:Upcoming)
WHERE s.dueOn <= date()
WITH s
ORDER BY s.dueOn, s.key
LIMIT $limit
REMOVE s:Upcoming
SET s.announcedAt = datetime()
WITH s
MATCH (p:Programme)<-[:IN]-(x:ProgrammeMentorship)-[:HAS_STEP]->(s)
WHERE x.state = 'ACTIVE'
MATCH (x)-[:MENTOR]->(m:Person)
MATCH (x)-[:MENTEE]->(e:Person)
RETURN s { .* } AS step, x.key AS pairing, p.key AS programme, m.key AS mentor,
       e.key AS mentee
