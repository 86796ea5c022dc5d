// What decides whether an admin may propose each (mentor, mentee) pair of a programme.
// Parameters: $programme (key), $viewer (the admin's key), $pairs (list of {mentor, mentee}).
// Returns, per pair in order: i, mentor and mentee (each: a MENTOR, resp. MENTEE, member the
//   admin may see, rules/programme_shows), suggestible (rules/suggestible_mentor: the exclusions
//   of the ranking hold for the pair), open (a PROPOSED or ACTIVE mentorship of the pair in
//   the programme), capacity (the mentor's programme capacity), active (the mentor's ACTIVE
//   mentorships in it).
// Indexes: programme_key, person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
MATCH (p:Programme {key: $programme})
UNWIND range(0, size($pairs) - 1) AS i
OPTIONAL MATCH (m:Person {key: $pairs[i].mentor})-[mr:MEMBER_OF {role: 'MENTOR'}]->(p)
OPTIONAL MATCH (e:Person {key: $pairs[i].mentee})-[:MEMBER_OF {role: 'MENTEE'}]->(p)
RETURN i,
       {{programme_shows(viewer, m)}} AS mentor,
       {{programme_shows(viewer, e)}} AS mentee,
       m IS NOT NULL AND e IS NOT NULL AND {{suggestible_mentor(e, m)}} AS suggestible,
       EXISTS { (p)<-[:IN]-(x:ProgrammeMentorship)-[:MENTOR]->(m)
                WHERE x.state IN ['PROPOSED', 'ACTIVE'] AND EXISTS { (x)-[:MENTEE]->(e) } }
         AS open,
       coalesce(mr.capacity, 0) AS capacity,
       COUNT { (p)<-[:IN]-(:ProgrammeMentorship {state: 'ACTIVE'})-[:MENTOR]->(m) } AS active
ORDER BY i
