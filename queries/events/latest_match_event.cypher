// The cursor of a mentee's latest match event: where a live feed without `after` starts.
// Parameters: $mentee. Returns one row: seq (0 when the mentee has no event).
// Indexes: person_key.
OPTIONAL MATCH (:Person {key: $mentee})<-[:FOR_MENTEE]-(e:MatchEvent)
RETURN coalesce(max(e.seq), 0) AS seq
