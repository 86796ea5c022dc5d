// Records mentorship requests from a mentee to a mentor in a given state (fixtures, loaders).
// Parameters: $rows, each {key, mentee, mentor, state}.
// Returns: count. Indexes: person_key, mentorship_request_key.
UNWIND $rows AS row
MATCH (a:Person {key: row.mentee})
MATCH (m:Person {key: row.mentor})
MERGE (r:MentorshipRequest {key: row.key})
SET r.state = row.state, r.message = '', r.goals = [], r.createdAt = datetime(),
    r.expiresAt = datetime() + duration({days: 14})
MERGE (a)-[:REQUESTED]->(r)
MERGE (r)-[:TO]->(m)
RETURN count(*) AS count
