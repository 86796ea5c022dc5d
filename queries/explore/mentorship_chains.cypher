// title: Mentorship chains
// description: Chains of mentors of mentors, from someone nobody mentors down to someone who
//   mentors nobody (up to ten steps), counting only MENTORS relationships with the given
//   statuses. `depth` is the number of mentorships in the chain; `chain` lists the people
//   from the top down; a PRIVATE person stands as null in it, at the top or bottom too
//   (rules/named_to_analysts).
// param: statuses list<string> = ["ACTIVE", "COMPLETED"] — the MENTORS statuses that count
// param: minDepth int = 2 — leave out shorter chains
// returns: top, bottom, depth, chain
// indexes: none (scans mentors)
MATCH chain = (top:Person)(()-[r:MENTORS]->() WHERE r.status IN $statuses){1,10}(bottom:Person)
WHERE NOT EXISTS { MATCH (:Person)-[x:MENTORS]->(top) WHERE x.status IN $statuses }
  AND NOT EXISTS { MATCH (bottom)-[y:MENTORS]->(:Person) WHERE y.status IN $statuses }
  AND length(chain) >= $minDepth
WITH chain, [p IN nodes(chain) | CASE WHEN {{named_to_analysts(p)}} THEN p.key END] AS named
RETURN named[0] AS top, named[-1] AS bottom, length(chain) AS depth, named AS chain
ORDER BY depth DESC, chain
