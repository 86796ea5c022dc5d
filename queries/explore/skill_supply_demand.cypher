// title: Mentor supply and demand per skill
// description: For every skill, the people open to mentoring who hold it at `minLevel` or
//   above, against the people seeking a mentor who want to learn it. `gap` is mentees minus
//   mentors: the largest gaps come first.
// param: minLevel int = 3 — the lowest skill level (1..5) that counts as able to mentor
// param: domain string = null — only skills of this domain (every domain when null)
// returns: skill, name, domain, mentors, mentees, gap
// indexes: skill_key
MATCH (s:Skill)
WHERE $domain IS NULL OR s.domain = $domain
WITH s,
     COUNT { MATCH (m:Person {openToMentor: true})-[h:HAS_SKILL]->(s) WHERE h.level >= $minLevel } AS mentors,
     COUNT { MATCH (:Person {seekingMentor: true})-[:WANTS_TO_LEARN]->(s) } AS mentees
RETURN s.key AS skill, s.name AS name, s.domain AS domain, mentors, mentees,
       mentees - mentors AS gap
ORDER BY gap DESC, skill
