// title: Skills that cluster together
// description: Pairs of skills held by the same people: `people` counts who holds both, and
//   `jaccard` is that count over the people holding either. The most shared pairs first.
// param: minPeople int = 2 — leave out pairs fewer people share
// returns: skill, other, people, jaccard
// indexes: none (scans skills)
MATCH (a:Skill)<-[:HAS_SKILL]-(p:Person)-[:HAS_SKILL]->(b:Skill)
WHERE a.key < b.key
WITH a, b, count(DISTINCT p) AS people
WHERE people >= $minPeople
WITH a, b, people,
     COUNT { (a)<-[:HAS_SKILL]-(:Person) } + COUNT { (b)<-[:HAS_SKILL]-(:Person) } - people AS either
RETURN a.key AS skill, b.key AS other, people, round(toFloat(people) / either, 3) AS jaccard
ORDER BY people DESC, jaccard DESC, skill, other
