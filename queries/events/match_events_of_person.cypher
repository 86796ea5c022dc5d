// A mentee's match events after a cursor, oldest first: replay, and `Person.matchEvents`.
// Only events whose mentor the mentee may still see (rules/visible_to), so a later block or
// privacy change hides the event.
// Parameters: $mentee; a keyset page (graph.pages.Window): forwards, $after (seq or null),
//   the events after it; backwards, $before (seq or null), the events before it, newest
//   first; $limit.
// Returns: one row per event: key, seq, at, score, signals (JSON text), mentee, mentor (keys).
// Indexes: person_key.
MATCH (me:Person {key: $mentee})<-[:FOR_MENTEE]-(e:MatchEvent)-[:SUGGESTS]->(mentor:Person)
WHERE {{e.seq > coalesce($after, 0)|($before IS NULL OR e.seq < $before)}}
  AND {{visible_to(me, mentor)}}
RETURN e.key AS key, e.seq AS seq, e.at AS at, e.score AS score, e.signals AS signals,
       $mentee AS mentee, mentor.key AS mentor
ORDER BY seq{{| DESC}}
LIMIT $limit
