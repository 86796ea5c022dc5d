// The number of nodes in the database: zero means an empty graph.
// Parameters: none. Returns: nodes.
MATCH (n) RETURN count(n) AS nodes
