// Liveness of the database: answers one row when Neo4j can run a query.
// Parameters: none.
// Returns: ok (1).
RETURN 1 AS ok
