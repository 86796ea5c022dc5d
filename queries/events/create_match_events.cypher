// Records new match events and advances the sequence; runs after events/lock_sequence and
// events/match_event_facts in the same transaction (so the keys are known to be new).
// A pair whose mentor the mentee may not see (rules/visible_to: blocked either way, PRIVATE,
// CONNECTIONS without a connection), or whose people are gone, is skipped (its seq stays
// unused): a change that hid them after scoring records nothing.
// Parameters: $name (sequence), $value (the sequence's new value), $events (list of {key, seq,
//   mentee, mentor, score, signals (JSON text)}).
// Returns: one row per event created: key, seq, at.
// Indexes: person_key.
MATCH (s:EventSequence {name: $name})
SET s.value = $value
WITH s
UNWIND $events AS event
MATCH (mentee:Person {key: event.mentee}), (mentor:Person {key: event.mentor})
WHERE {{visible_to(mentee, mentor)}}
CREATE (mentee)<-[:FOR_MENTEE]-(e:MatchEvent {
  key: event.key, seq: event.seq, at: datetime(), score: event.score, signals: event.signals
})-[:SUGGESTS]->(mentor)
RETURN e.key AS key, e.seq AS seq, e.at AS at
