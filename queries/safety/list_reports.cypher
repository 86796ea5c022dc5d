// A page of reports, newest first (report keys sort by creation time).
// A party whose account was deleted is its tombstone (:DeletedKey): its key is null.
// Parameters: $state ('OPEN', 'DISMISSED', 'ACTION_TAKEN' or null for all),
//   $before (key of the previous page's last report, or null), $limit.
// Returns: report (map with reporter and reported keys, null for a deleted account).
MATCH (a)-[:FILED]->(r:Report)-[:ABOUT]->(b)
WHERE ($state IS NULL OR r.state = $state) AND ($before IS NULL OR r.key < $before)
RETURN r { .*, reporter: a.key, reported: b.key } AS report
ORDER BY r.key DESC
LIMIT $limit
