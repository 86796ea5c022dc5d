// Everything stored about one person, for their data export, naming only the people they
// may see (rules/visible_to): anyone else stands as null, so an export tells nobody that a
// hidden person exists. Their own blocks name whom they blocked (docs/privacy.md).
// Parameters: $key.
// Returns: profile, skills, goals, employment, schools, connections, connectionRequestsSent,
//   connectionRequestsReceived, requestsSent, requestsReceived, mentorships, blocked,
//   reportsFiled (`reported` null when that account was deleted, or is hidden), matchEvents;
//   no row when absent.
MATCH (p:Person {key: $key})
RETURN p { .* } AS profile,
  COLLECT { MATCH (p)-[h:HAS_SKILL]->(s:Skill) RETURN {skill: s.key, level: h.level, years: h.years} } AS skills,
  COLLECT { MATCH (p)-[w:WANTS_TO_LEARN]->(s:Skill) RETURN {skill: s.key, priority: w.priority} } AS goals,
  COLLECT { MATCH (p)-[w:WORKS_AT]->(e:Employer)
            RETURN {employer: e.key, title: w.title, since: w.since, until: w.until} } AS employment,
  COLLECT { MATCH (p)-[:STUDIED_AT]->(s:School) RETURN s.key } AS schools,
  COLLECT { MATCH (p)-[k:KNOWS]-(f:Person)
            RETURN {person: CASE WHEN {{visible_to(p, f)}} THEN f.key END, since: k.since} }
    AS connections,
  COLLECT { MATCH (p)-[c:REQUESTED_CONNECTION]->(f:Person)
            RETURN {person: CASE WHEN {{visible_to(p, f)}} THEN f.key END, at: c.at} }
    AS connectionRequestsSent,
  COLLECT { MATCH (f:Person)-[c:REQUESTED_CONNECTION]->(p)
            RETURN {person: CASE WHEN {{visible_to(p, f)}} THEN f.key END, at: c.at} }
    AS connectionRequestsReceived,
  COLLECT { MATCH (p)-[:REQUESTED]->(r:MentorshipRequest)-[:TO]->(m:Person)
            RETURN r { .*, mentor: CASE WHEN {{visible_to(p, m)}} THEN m.key END } } AS requestsSent,
  COLLECT { MATCH (a:Person)-[:REQUESTED]->(r:MentorshipRequest)-[:TO]->(p)
            RETURN r { .*, mentee: CASE WHEN {{visible_to(p, a)}} THEN a.key END } }
    AS requestsReceived,
  COLLECT { MATCH (m:Person)-[s:MENTORS]->(e:Person) WHERE m = p OR e = p
            RETURN s { .*, mentor: CASE WHEN {{visible_to(p, m)}} THEN m.key END,
                       mentee: CASE WHEN {{visible_to(p, e)}} THEN e.key END } } AS mentorships,
  COLLECT { MATCH (p)-[x:BLOCKED]->(b:Person) RETURN {person: b.key, at: x.at} } AS blocked,
  COLLECT { MATCH (p)-[:FILED]->(r:Report)-[:ABOUT]->(b)
            RETURN r { .*, reported: CASE WHEN b:Person AND {{visible_to(p, b)}} THEN b.key END,
                       resolvedBy: COLLECT { MATCH (admin:Person {key: r.resolvedBy})
                                             WHERE {{visible_to(p, admin)}}
                                             RETURN admin.key }[0] } }
    AS reportsFiled,
  COLLECT { MATCH (mentee:Person)<-[:FOR_MENTEE]-(e:MatchEvent)-[:SUGGESTS]->(mentor:Person)
            WHERE mentee = p OR mentor = p
            RETURN e { .seq, .at, .score, .signals,
                       mentee: CASE WHEN {{visible_to(p, mentee)}} THEN mentee.key END,
                       mentor: CASE WHEN {{visible_to(p, mentor)}} THEN mentor.key END } }
    AS matchEvents
