// Connects one person to several others (the generator's rows: each pair once, newer → older).
// Parameters: $rows, each {a, b (list of keys), since (list of ISO dates or nulls, same length)}.
// Returns: count (relationships). Indexes: person_key.
UNWIND $rows AS row
MATCH (a:Person {key: row.a})
UNWIND range(0, size(row.b) - 1) AS i
MATCH (b:Person {key: row.b[i]})
MERGE (a)-[k:KNOWS]->(b)
ON CREATE SET k.since = date(row.since[i])
RETURN count(*) AS count
