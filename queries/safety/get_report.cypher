// One report by key, as `reports` lists it (`Query.node`; the caller checks the viewer is an
// admin). A party whose account was deleted is its tombstone (:DeletedKey): its key is null;
// a report on a pattern (outcomes/flag_patterns) has no reporter.
// Parameters: $key (a report key).
// Returns: no row for no report; else report (map with reporter and reported keys).
// Indexes: report_key.
MATCH (r:Report {key: $key})-[:ABOUT]->(b)
OPTIONAL MATCH (a)-[:FILED]->(r)
RETURN r { .*, reporter: a.key, reported: b.key } AS report
