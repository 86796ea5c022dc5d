// Plain CREATE of the rows of load/merge_knows_from, for people with no outgoing KNOWS yet
// (loaders' fast path) and the benchmark baseline; not idempotent by itself.
// Parameters: $rows, each {a, b (list of keys), since (list of ISO dates or nulls, same length)}.
// Returns: count (relationships). Indexes: person_key.
UNWIND $rows AS row
MATCH (a:Person {key: row.a})
UNWIND range(0, size(row.b) - 1) AS i
MATCH (b:Person {key: row.b[i]})
CREATE (a)-[:KNOWS {since: date(row.since[i])}]->(b)
RETURN count(*) AS count
