// Takes the write lock on a person for the rest of the transaction, so that checks
// made after it (capacity, open requests) cannot race with another transaction.
// Parameters: $key. Returns: key; no row when there is no such person.
MATCH (p:Person {key: $key})
SET p.lockVersion = coalesce(p.lockVersion, 0) + 1
RETURN p.key AS key
