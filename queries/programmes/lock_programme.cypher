// Takes the write lock on a programme for the rest of the transaction, so that drafts,
// edits and publishing of its cohort run one at a time and their capacity checks hold.
// Parameters: $programme (key). Returns: key; no row for an unknown programme.
// Indexes: the programme's key constraint.
MATCH (g:Programme {key: $programme})
SET g.lockVersion = coalesce(g.lockVersion, 0) + 1
RETURN g.key AS key
