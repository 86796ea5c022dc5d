// Mentees a change on a mentor can affect (opting in, more capacity, a freed slot): people
// seeking a mentor who share a connection with the mentor (a middle person of at most
// $hubDegreeCap connections, as in ranking), want a skill the mentor has or one it reaches
// within 2 steps (RELATED_TO either way, LEADS_TO forwards), or worked where the mentor worked.
// Bounded: at most $limit mentees per source, $limit in all. Nothing when the person does not
// mentor.
// Parameters: $mentor, $hubDegreeCap, $limit.
// Returns: one row per mentee: mentee (key), in key order.
// Indexes: person_key.
MATCH (m:Person {key: $mentor})
WHERE m.openToMentor = true
CALL (m) {
  MATCH (m)-[:KNOWS]-(z:Person)
  WHERE COUNT { (z)-[:KNOWS]-() } <= $hubDegreeCap
  MATCH (z)-[:KNOWS]-(x:Person)
  WHERE x <> m AND x.seekingMentor = true
  RETURN DISTINCT x
  LIMIT $limit
  UNION
  MATCH (m)-[:HAS_SKILL]->(s:Skill)
        ((a:Skill)-[r:RELATED_TO|LEADS_TO]-(b:Skill)
          WHERE type(r) = 'RELATED_TO' OR startNode(r) = a){0,2}
        (:Skill)<-[:WANTS_TO_LEARN]-(x:Person)
  WHERE x <> m AND x.seekingMentor = true
  RETURN DISTINCT x
  LIMIT $limit
  UNION
  MATCH (m)-[:WORKS_AT]->(:Employer)<-[:WORKS_AT]-(x:Person)
  WHERE x <> m AND x.seekingMentor = true
  RETURN DISTINCT x
  LIMIT $limit
}
RETURN x.key AS mentee
ORDER BY mentee
LIMIT $limit
