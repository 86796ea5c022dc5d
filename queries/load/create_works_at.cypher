// Plain CREATE of the rows of load/merge_works_at for people created in the same
// transaction (loaders' fast path) and the benchmark baseline; not idempotent by itself.
// Parameters: $rows, each {person, employer, title, since (date or null), until (date or null)}.
// Returns: count. Indexes: person_key, employer_key.
UNWIND $rows AS row
MATCH (p:Person {key: row.person})
MATCH (e:Employer {key: row.employer})
CREATE (p)-[:WORKS_AT {title: row.title, since: coalesce(row.since, date('1900-01-01')),
                       until: row.until}]->(e)
RETURN count(*) AS count
