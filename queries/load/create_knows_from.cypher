// Plain CREATE of the rows of load/merge_knows_from (benchmark baseline; not idempotent).
// Parameters: $rows, each {a, b (list of keys), since (list of dates, same length)}.
// Returns: count (relationships). Indexes: person_key.
UNWIND $rows AS row
MATCH (a:Person {key: row.a})
UNWIND range(0, size(row.b) - 1) AS i
MATCH (b:Person {key: row.b[i]})
CREATE (a)-[:KNOWS {since: row.since[i]}]->(b)
RETURN count(*) AS count
