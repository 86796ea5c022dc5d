// Creates or updates schools.
// Parameters: $rows, each {key, name}.
// Returns: count. Indexes: school_key.
UNWIND $rows AS row
MERGE (s:School {key: row.key})
SET s.name = row.name
RETURN count(*) AS count
