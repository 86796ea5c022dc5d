// A page of reports, newest first (report keys sort by creation time).
// A party whose account was deleted is its tombstone (:DeletedKey): its key is null. A report
// on a pattern (outcomes/flag_patterns) was filed by nobody: its reporter is null.
// Parameters: $state ('OPEN', 'DISMISSED', 'ACTION_TAKEN' or null for all),
//   a keyset page (graph.pages.Window) over the newest first: forwards, $after (key or
//   null), the older reports; backwards, $before (key or null), the newer ones, oldest
//   first; $limit.
// Returns: report (map with reporter and reported keys, null for a deleted account).
MATCH (r:Report)-[:ABOUT]->(b)
WHERE ($state IS NULL OR r.state = $state) AND {{($after IS NULL OR r.key < $after)|($before IS NULL OR r.key > $before)}}
OPTIONAL MATCH (a)-[:FILED]->(r)
RETURN r { .*, reporter: a.key, reported: b.key } AS report
ORDER BY r.key{{ DESC|}}
LIMIT $limit
