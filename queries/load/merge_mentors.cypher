// Records mentorships: the mentor MENTORS the mentee with a status (fixtures, loaders).
// Parameters: $rows, each {mentor, mentee, status ('ACTIVE' | 'COMPLETED' | 'CANCELLED'),
//   since (datetime or null)}.
// Returns: count. Indexes: person_key.
UNWIND $rows AS row
MATCH (m:Person {key: row.mentor})
MATCH (a:Person {key: row.mentee})
MERGE (m)-[s:MENTORS]->(a)
SET s.status = row.status, s.since = coalesce(row.since, datetime())
RETURN count(*) AS count
