// Deletes every relationship, in batches, so that no one transaction holds a dense node's
// relationships (tests and benchmarks only). `admin/wipe_nodes` then deletes the nodes.
// Parameters: none. Returns: nothing. Must run in an auto-commit transaction.
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
