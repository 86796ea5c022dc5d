// Deletes every node, in batches; run after `admin/wipe` removed the relationships.
// Parameters: none. Returns: nothing. Must run in an auto-commit transaction.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
