// Records that a person studied at a school.
// Parameters: $rows, each {person, school, since (date or null), until (date or null)}.
// Returns: count. Indexes: person_key, school_key.
UNWIND $rows AS row
MATCH (p:Person {key: row.person})
MATCH (s:School {key: row.school})
MERGE (p)-[r:STUDIED_AT]->(s)
SET r.since = row.since, r.until = row.until
RETURN count(*) AS count
