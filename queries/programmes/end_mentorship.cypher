// Ends an ACTIVE programme mentorship: ENDED, from when each side may leave feedback.
// Parameters: $key (programme mentorship key).
// Returns: pairing (map with programme, mentor and mentee keys).
// Indexes: programme_mentorship_key.
MATCH (p:Programme)<-[:IN]-(x:ProgrammeMentorship {key: $key})-[:MENTOR]->(m:Person)
MATCH (x)-[:MENTEE]->(e:Person)
SET x.state = 'ENDED', x.endedAt = datetime()
RETURN x { .*, programme: p.key, mentor: m.key, mentee: e.key } AS pairing
