// title: Bridges between employers
// description: People whose connections work (now) at several employers: the people who
//   bridge companies. `connections` counts all their connections; `topEmployers` names the
//   five employers most of those connections work at. PRIVATE people are left out
//   (rules/named_to_analysts); they still count among others' connections.
// param: minEmployers int = 3 — the fewest distinct employers among a person's connections
// returns: person, name, employerCount, connections, topEmployers
// indexes: none (scans people)
MATCH (p:Person)
WHERE {{named_to_analysts(p)}}
CALL (p) {
  MATCH (p)-[:KNOWS]-(friend:Person)-[w:WORKS_AT]->(e:Employer)
  WHERE w.until IS NULL
  WITH e, count(DISTINCT friend) AS people
  ORDER BY people DESC, e.key
  RETURN count(e) AS employerCount, collect(e.key)[..5] AS topEmployers
}
WITH p, employerCount, topEmployers
WHERE employerCount >= $minEmployers
RETURN p.key AS person, p.name AS name, employerCount,
       COUNT { (p)-[:KNOWS]-(:Person) } AS connections, topEmployers
ORDER BY employerCount DESC, connections DESC, person
