// What decides whether $mentee may ask $mentor for mentorship (same transaction).
// Parameters: $mentee, $mentor (person keys).
// Returns: mentor (map or null), visible (exists and $mentee may see them, rules/visible_to:
//   a hidden mentor answers as one who does not exist), mentoring (already mentors them),
//   openForPair (an unexpired PENDING request either way), openOfMentee (unexpired
//   PENDING requests sent).
OPTIONAL MATCH (a:Person {key: $mentee})
OPTIONAL MATCH (m:Person {key: $mentor})
RETURN m { .* } AS mentor,
       m IS NOT NULL AND {{visible_to(a, m)}} AS visible,
       EXISTS { (m)-[:MENTORS {status: 'ACTIVE'}]->(a) } AS mentoring,
       EXISTS { (a)-[:REQUESTED]->(r:MentorshipRequest {state: 'PENDING'})-[:TO]->(m)
                WHERE r.expiresAt > datetime() }
         OR EXISTS { (m)-[:REQUESTED]->(r:MentorshipRequest {state: 'PENDING'})-[:TO]->(a)
                     WHERE r.expiresAt > datetime() }
         AS openForPair,
       COUNT { (a)-[:REQUESTED]->(r:MentorshipRequest {state: 'PENDING'})
               WHERE r.expiresAt > datetime() } AS openOfMentee
