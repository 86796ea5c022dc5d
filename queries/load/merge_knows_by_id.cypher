// load/merge_knows_from with people named by element id (the loaders' path for people who
// have outgoing KNOWS already: a re-run, or a run after a crash).
// Parameters: $rows, each {a (element id), b (list of element ids), since (list of ISO
//   dates or nulls, same length)}.
// Returns: count (relationships). Indexes: none (element id seeks).
UNWIND $rows AS row
MATCH (a:Person) WHERE elementId(a) = row.a
UNWIND range(0, size(row.b) - 1) AS i
MATCH (b:Person) WHERE elementId(b) = row.b[i]
MERGE (a)-[k:KNOWS]->(b)
ON CREATE SET k.since = date(row.since[i])
RETURN count(*) AS count
