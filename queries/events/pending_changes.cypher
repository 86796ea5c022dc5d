// Which of the given changes are still waiting to be applied (not trimmed, not dead).
// Parameters: $ids.
// Returns one row: pending (list of ids).
// Indexes: change_id.
UNWIND $ids AS id
OPTIONAL MATCH (c:Change {id: id})
WHERE c.dead IS NULL
RETURN collect(c.id) AS pending
