// Takes the write lock on a programme for the rest of the transaction, so that the checks
// made after it (membership, capacity, answers) cannot race with another transaction.
// Parameters: $programme (key). Returns: key; no row when there is no such programme.
// Indexes: programme_key.
MATCH (p:Programme {key: $programme})
SET p.lockVersion = coalesce(p.lockVersion, 0) + 1
RETURN p.key AS key
