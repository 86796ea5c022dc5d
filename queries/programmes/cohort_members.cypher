// The part of a programme's cohort still to match: each mentor's programme capacity less
// their open proposals (PROPOSED or ACCEPTED) in it, and the mentees with no open proposal.
// Parameters: $programme (key).
// Returns: one row: mentors (list of {key, free}, by key), mentees (list of keys, by key);
//   no row for an unknown programme.
// Indexes: the programme's key constraint.
MATCH (g:Programme {key: $programme})
CALL (g) {
  MATCH (m:Person)-[r:MENTORS_IN]->(g)
  WITH m, coalesce(r.capacity, 0) - COUNT {
    (g)<-[:IN]-(p:ProgrammeProposal)-[:MENTOR]->(m) WHERE p.state IN ['PROPOSED', 'ACCEPTED']
  } AS free
  ORDER BY m.key
  RETURN collect({key: m.key, free: free}) AS mentors
}
CALL (g) {
  MATCH (e:Person)-[:MENTEE_IN]->(g)
  WHERE NOT EXISTS {
    (g)<-[:IN]-(p:ProgrammeProposal)-[:MENTEE]->(e) WHERE p.state IN ['PROPOSED', 'ACCEPTED']
  }
  WITH e ORDER BY e.key
  RETURN collect(e.key) AS mentees
}
RETURN mentors, mentees
