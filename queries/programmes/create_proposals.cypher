// Proposes pairs of a programme: one PROPOSED mentorship per pair, each side yet to answer.
// Parameters: $programme (key), $viewer (the proposing admin), $pairs (list of {key, mentor,
//   mentee}: the new mentorship's key and the pair's person keys).
// Returns, per pair in order: pairing (map with programme, mentor and mentee keys).
// Indexes: programme_key, person_key.
MATCH (p:Programme {key: $programme})
UNWIND $pairs AS pair
MATCH (m:Person {key: pair.mentor})
MATCH (e:Person {key: pair.mentee})
CREATE (p)<-[:IN]-(x:ProgrammeMentorship {
  key: pair.key, state: 'PROPOSED', proposedAt: datetime(), proposedBy: $viewer
})-[:MENTOR]->(m)
CREATE (x)-[:MENTEE]->(e)
RETURN x { .*, programme: p.key, mentor: m.key, mentee: e.key } AS pairing
