// Deletes applied changes from the log (the trim). A change another consumer applied first is
// already gone: nothing to do.
// Parameters: $ids.
// Returns: trimmed (count).
// Indexes: change_id.
UNWIND $ids AS id
MATCH (c:Change {id: id})
DELETE c
RETURN count(c) AS trimmed
