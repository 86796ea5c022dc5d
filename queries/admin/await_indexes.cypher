// Waits until every index is online (after migrations).
// Parameters: none. Returns: nothing.
CALL db.awaitIndexes(300)
