// Plain CREATE of the rows of load/merge_studied_at for people created in the same
// transaction (loaders' fast path) and the benchmark baseline; not idempotent by itself.
// Parameters: $rows, each {person, school, since (date or null), until (date or null)}.
// Returns: count. Indexes: person_key, school_key.
UNWIND $rows AS row
MATCH (p:Person {key: row.person})
MATCH (s:School {key: row.school})
CREATE (p)-[:STUDIED_AT {since: row.since, until: row.until}]->(s)
RETURN count(*) AS count
