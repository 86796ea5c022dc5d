// Everything stored about one person, for their data export.
// Parameters: $key.
// Returns: profile, skills, goals, employment, schools, connections, requestsSent,
//   requestsReceived, mentorships, blocked, reportsFiled (`reported` null when that account
//   was deleted), matchEvents; no row when absent.
MATCH (p:Person {key: $key})
RETURN p { .* } AS profile,
  COLLECT { MATCH (p)-[h:HAS_SKILL]->(s:Skill) RETURN {skill: s.key, level: h.level, years: h.years} } AS skills,
  COLLECT { MATCH (p)-[w:WANTS_TO_LEARN]->(s:Skill) RETURN {skill: s.key, priority: w.priority} } AS goals,
  COLLECT { MATCH (p)-[w:WORKS_AT]->(e:Employer)
            RETURN {employer: e.key, title: w.title, since: w.since, until: w.until} } AS employment,
  COLLECT { MATCH (p)-[:STUDIED_AT]->(s:School) RETURN s.key } AS schools,
  COLLECT { MATCH (p)-[k:KNOWS]-(f:Person) RETURN {person: f.key, since: k.since} } AS connections,
  COLLECT { MATCH (p)-[:REQUESTED]->(r:MentorshipRequest)-[:TO]->(m:Person)
            RETURN r { .*, mentor: m.key } } AS requestsSent,
  COLLECT { MATCH (a:Person)-[:REQUESTED]->(r:MentorshipRequest)-[:TO]->(p)
            RETURN r { .*, mentee: a.key } } AS requestsReceived,
  COLLECT { MATCH (m:Person)-[s:MENTORS]->(e:Person) WHERE m = p OR e = p
            RETURN s { .*, mentor: m.key, mentee: e.key } } AS mentorships,
  COLLECT { MATCH (p)-[x:BLOCKED]->(b:Person) RETURN {person: b.key, at: x.at} } AS blocked,
  COLLECT { MATCH (p)-[:FILED]->(r:Report)-[:ABOUT]->(b)
            RETURN r { .*, reported: b.key } } AS reportsFiled,
  COLLECT { MATCH (e:MatchEvent)--(p) RETURN e { .* } } AS matchEvents
