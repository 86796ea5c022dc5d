// Streams every node's labels and properties (the content hash; order does not matter).
// Parameters: none.
// Returns: labels (list), props (map); one row per node.
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
