// Streams every relationship as its ends' keys, type and properties (the content hash).
// Parameters: none.
// Returns: a (start key), type, b (end key), props (map); one row per relationship.
MATCH (a)-[r]->(b)
RETURN a.key AS a, type(r) AS type, b.key AS b, properties(r) AS props
