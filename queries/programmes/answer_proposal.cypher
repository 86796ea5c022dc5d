// Records one side's answer to a proposal; a decline makes it DECLINED.
// Parameters: $key (programme mentorship key), $side ('MENTOR' or 'MENTEE'), $accept (bool).
// Returns: pairing (map with programme, mentor and mentee keys).
// Indexes: programme_mentorship_key.
MATCH (p:Programme)<-[:IN]-(x:ProgrammeMentorship {key: $key})-[:MENTOR]->(m:Person)
MATCH (x)-[:MENTEE]->(e:Person)
SET x.mentorAccepted = CASE WHEN $side = 'MENTOR' THEN $accept ELSE x.mentorAccepted END,
    x.menteeAccepted = CASE WHEN $side = 'MENTEE' THEN $accept ELSE x.menteeAccepted END,
    x.state = CASE WHEN $accept THEN x.state ELSE 'DECLINED' END
RETURN x { .*, programme: p.key, mentor: m.key, mentee: e.key } AS pairing
