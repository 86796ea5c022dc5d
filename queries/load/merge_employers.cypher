// Creates or updates employers.
// Parameters: $rows, each {key, name, industry}.
// Returns: count. Indexes: employer_key.
UNWIND $rows AS row
MERGE (e:Employer {key: row.key})
SET e.name = row.name, e.industry = row.industry
RETURN count(*) AS count
