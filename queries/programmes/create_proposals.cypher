// Proposes pairs of a programme: each becomes a PROPOSED ProgrammeProposal that both people
// then accept or decline (the programme model's proposals; graph/programmes/cohort.py).
// Parameters: $programme (key), $createdBy (the admin's key), $pairs (list of {key, mentee,
//   mentor} keys).
// Returns: one row per proposal: key, mentee, mentor.
// Indexes: person_key, the programme's key constraint.
MATCH (g:Programme {key: $programme})
UNWIND $pairs AS pair
MATCH (e:Person {key: pair.mentee}), (m:Person {key: pair.mentor})
CREATE (g)<-[:IN]-(p:ProgrammeProposal {
  key: pair.key, state: 'PROPOSED', createdBy: $createdBy, createdAt: datetime()
})
CREATE (e)<-[:MENTEE]-(p)-[:MENTOR]->(m)
RETURN p.key AS key, e.key AS mentee, m.key AS mentor
