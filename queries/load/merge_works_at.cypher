// Records a stint at an employer; one relationship per (person, employer, start date).
// Parameters: $rows, each {person, employer, title, since (date or null), until (date or null)}.
// Returns: count. Indexes: person_key, employer_key.
UNWIND $rows AS row
MATCH (p:Person {key: row.person})
MATCH (e:Employer {key: row.employer})
MERGE (p)-[w:WORKS_AT {since: coalesce(row.since, date('1900-01-01'))}]->(e)
SET w.title = row.title, w.until = row.until
RETURN count(*) AS count
