// Creates or updates skills.
// Parameters: $rows, each {key, name, domain}.
// Returns: count. Indexes: skill_key.
UNWIND $rows AS row
MERGE (s:Skill {key: row.key})
SET s.name = row.name, s.domain = row.domain
RETURN count(*) AS count
