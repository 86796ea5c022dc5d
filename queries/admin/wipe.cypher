// Deletes every node and relationship, in batches (tests and `load --replace` only).
// Parameters: none. Returns: nothing. Must run in an auto-commit transaction.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
