// The number of nodes in the database besides the migrations' records: zero means an
// empty graph. Both counts come from the count store, whatever the graph's size.
// Parameters: none. Returns: nodes.
CALL () { MATCH (n) RETURN count(n) AS everything }
CALL () { MATCH (m:Migration) RETURN count(m) AS records }
RETURN everything - records AS nodes
