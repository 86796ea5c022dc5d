// title: Mentor deserts
// description: People seeking a mentor with learning goals that no available mentor within
//   two connections (KNOWS, either direction) can teach. An available mentor is open to
//   mentoring, has free capacity (mentorCapacity above their ACTIVE mentees) and holds the
//   goal skill at `minLevel` or above. `goals` lists the unmet goals; `wanted` counts all goals.
//   PRIVATE mentees are left out (rules/named_to_analysts); PRIVATE mentors still count.
// param: minLevel int = 3 — the lowest skill level (1..5) that counts as able to mentor
// returns: mentee, name, unmetGoals, wanted, goals
// indexes: person_open_to_mentor
MATCH (m:Person {seekingMentor: true})
WHERE {{named_to_analysts(m)}}
WITH m, COLLECT { MATCH (m)-[:WANTS_TO_LEARN]->(g:Skill) RETURN g ORDER BY g.key } AS wanted
WHERE size(wanted) > 0
CALL (m, wanted) {
  MATCH (m)-[:KNOWS]-{1,2}(near:Person {openToMentor: true})
  WHERE near <> m
  WITH DISTINCT near
  WHERE coalesce(near.mentorCapacity, 0) > COUNT { (near)-[:MENTORS {status: 'ACTIVE'}]->() }
  MATCH (near)-[h:HAS_SKILL]->(g:Skill)
  WHERE h.level >= $minLevel AND g IN wanted
  RETURN collect(DISTINCT g) AS taught
}
WITH m, wanted, [g IN wanted WHERE NOT g IN taught | g.key] AS goals
WHERE size(goals) > 0
RETURN m.key AS mentee, m.name AS name, size(goals) AS unmetGoals, size(wanted) AS wanted, goals
ORDER BY unmetGoals DESC, mentee
