// Starts an accepted proposal: ACTIVE from today, with the template's guided steps, each
// due `week` weeks after the start and labelled Upcoming until the scan announces it.
// Parameters: $key (programme mentorship key), $steps (list of {index, title, week}).
// Returns: pairing (map with programme, mentor and mentee keys).
// Indexes: programme_mentorship_key.
MATCH (p:Programme)<-[:IN]-(x:ProgrammeMentorship {key: $key})-[:MENTOR]->(m:Person)
MATCH (x)-[:MENTEE]->(e:Person)
SET x.state = 'ACTIVE', x.startedOn = date()
WITH p, x, m, e
CALL (x) {
  UNWIND $steps AS step
  CREATE (x)-[:HAS_STEP]->(:GuidedStep:Upcoming {
    key: x.key + '/' + toString(step.index), index: step.index, title: step.title,
    dueOn: x.startedOn + duration({weeks: step.week})
  })
}
RETURN x { .*, programme: p.key, mentor: m.key, mentee: e.key } AS pairing
