// What decides whether $mentee may ask $mentor for mentorship (same transaction).
// Parameters: $mentee, $mentor (person keys).
// Returns: mentor (map or null), visible, blocked, mentoring (already mentors them),
//   openForPair (a PENDING request either way), openOfMentee (PENDING requests sent).
OPTIONAL MATCH (a:Person {key: $mentee})
OPTIONAL MATCH (m:Person {key: $mentor})
RETURN m { .* } AS mentor,
       m.visibility = 'PUBLIC' OR (m.visibility = 'CONNECTIONS' AND EXISTS { (a)-[:KNOWS]-(m) })
         AS visible,
       EXISTS { (a)-[:BLOCKED]-(m) } AS blocked,
       EXISTS { (m)-[:MENTORS {status: 'ACTIVE'}]->(a) } AS mentoring,
       EXISTS { (a)-[:REQUESTED]->(:MentorshipRequest {state: 'PENDING'})-[:TO]->(m) }
         OR EXISTS { (m)-[:REQUESTED]->(:MentorshipRequest {state: 'PENDING'})-[:TO]->(a) }
         AS openForPair,
       COUNT { (a)-[:REQUESTED]->(r:MentorshipRequest {state: 'PENDING'})
               WHERE r.expiresAt > datetime() } AS openOfMentee
