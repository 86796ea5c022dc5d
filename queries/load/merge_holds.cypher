// Holds people from matching (as a report does) or releases them (fixtures, loaders).
// Parameters: $rows, each {person, held (bool)}.
// Returns: count. Indexes: person_key.
UNWIND $rows AS row
MATCH (p:Person {key: row.person})
SET p.heldFromMatching = row.held
RETURN count(*) AS count
