// Streams every node's labels and properties (the content hash; order does not matter),
// without the migrations' records.
// Parameters: none.
// Returns: labels (list), props (map); one row per node.
MATCH (n) WHERE NOT n:Migration
RETURN labels(n) AS labels, properties(n) AS props
