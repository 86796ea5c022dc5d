// title: Cross-employer mentoring per employer
// description: For each employer, the mentorships whose mentor works there now (WORKS_AT with
//   no `until`), and the share of them whose mentee does not: low shares are employers whose
//   people rarely mentor outside their walls.
// param: statuses list<string> = ["ACTIVE", "COMPLETED"] — the MENTORS statuses that count
// param: minMentorships int = 1 — leave out employers with fewer mentorships
// returns: employer, name, mentorships, crossing, crossShare
// indexes: employer_key
MATCH (e:Employer)<-[w:WORKS_AT]-(mentor:Person)-[r:MENTORS]->(mentee:Person)
WHERE w.until IS NULL AND r.status IN $statuses
WITH DISTINCT e, r, mentee
WITH e, count(r) AS mentorships,
     count(CASE WHEN NOT EXISTS {
       MATCH (mentee)-[x:WORKS_AT]->(e) WHERE x.until IS NULL
     } THEN r END) AS crossing
WHERE mentorships >= $minMentorships
RETURN e.key AS employer, e.name AS name, mentorships, crossing,
       round(toFloat(crossing) / mentorships, 3) AS crossShare
ORDER BY crossShare, mentorships DESC, employer
