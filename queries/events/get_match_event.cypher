// One match event by key (`Query.node`), only while its mentor is still visible to its
// mentee, as events/match_events_of_person lists it (rules/visible_to); the caller checks
// the viewer is the mentee (or an admin).
// Parameters: $key (an event key).
// Returns: no row for no (visible) event; else key, seq, at, score, signals (JSON text),
//   mentee, mentor (keys).
// Indexes: match_event_key.
MATCH (me:Person)<-[:FOR_MENTEE]-(e:MatchEvent {key: $key})-[:SUGGESTS]->(mentor:Person)
WHERE {{visible_to(me, mentor)}}
RETURN e.key AS key, e.seq AS seq, e.at AS at, e.score AS score, e.signals AS signals,
       me.key AS mentee, mentor.key AS mentor
