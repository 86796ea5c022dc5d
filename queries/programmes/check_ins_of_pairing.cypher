// A page of a programme mentorship's check-ins, newest first (keys sort by creation time).
// Parameters: $key (programme mentorship key), a keyset page (graph.pages.Window) over the
//   newest first: forwards, $after (key or null); backwards, $before, oldest first; $limit.
// Returns: checkIn (map of properties).
// Indexes: programme_mentorship_key.
MATCH (:ProgrammeMentorship {key: $key})-[:HAS_CHECK_IN]->(c:CheckIn)
WHERE {{($after IS NULL OR c.key < $after)|($before IS NULL OR c.key > $before)}}
RETURN c { .* } AS checkIn
ORDER BY c.key{{ DESC|}}
LIMIT $limit
