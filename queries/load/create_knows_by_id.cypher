// The loaders' fast path of load/create_knows_from: people named by element id, for people
// with no outgoing KNOWS yet (the loader looked both ends up when it wrote their block, which
// spares an index seek per relationship); not idempotent by itself.
// Parameters: $rows, each {a (element id), b (list of element ids), since (list of ISO
//   dates or nulls, same length)}.
// Returns: count (relationships). Indexes: none (element id seeks).
UNWIND $rows AS row
MATCH (a:Person) WHERE elementId(a) = row.a
UNWIND range(0, size(row.b) - 1) AS i
MATCH (b:Person) WHERE elementId(b) = row.b[i]
CREATE (a)-[:KNOWS {since: date(row.since[i])}]->(b)
RETURN count(*) AS count
