// The part of a programme's cohort still to match, as its admin sees it: each MENTOR
// member's places left (the capacity they joined with, less their PROPOSED and ACTIVE
// mentorships in it) and the MENTEE members with no PROPOSED or ACTIVE mentorship there.
// Only members the admin may see (rules/programme_shows), as programmes/pair_facts requires.
// Parameters: $programme (key), $viewer (the admin's key).
// Returns: one row: mentors (list of {key, free}, by key), mentees (list of keys, by key);
//   no row for an unknown programme.
// Indexes: programme_key, person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
MATCH (p:Programme {key: $programme})
CALL (p, viewer) {
  MATCH (m:Person)-[r:MEMBER_OF {role: 'MENTOR'}]->(p)
  WHERE {{programme_shows(viewer, m)}}
  WITH m, coalesce(r.capacity, 0) - COUNT {
    (p)<-[:IN]-(x:ProgrammeMentorship)-[:MENTOR]->(m) WHERE x.state IN ['PROPOSED', 'ACTIVE']
  } AS free
  ORDER BY m.key
  RETURN collect({key: m.key, free: free}) AS mentors
}
CALL (p, viewer) {
  MATCH (e:Person)-[:MEMBER_OF {role: 'MENTEE'}]->(p)
  WHERE {{programme_shows(viewer, e)}}
    AND NOT EXISTS {
      (p)<-[:IN]-(x:ProgrammeMentorship)-[:MENTEE]->(e) WHERE x.state IN ['PROPOSED', 'ACTIVE']
    }
  WITH e ORDER BY e.key
  RETURN collect(e.key) AS mentees
}
RETURN mentors, mentees
