// What recording match events needs, read after events/lock_sequence in the same transaction:
// the sequence's current value, which candidate event keys exist already (a pair is sent at
// most once), and each mentee's latest event (the `prev` a live subscriber checks for gaps).
// Parameters: $name (sequence), $keys (candidate event keys), $mentees (person keys).
// Returns one row: value (int), existing (list of keys), latest (list of {mentee, seq}, seq 0
//   when the mentee has no event yet).
// Indexes: match_event_key, person_key.
MATCH (s:EventSequence {name: $name})
CALL () {
  UNWIND $keys AS key
  MATCH (e:MatchEvent {key: key})
  RETURN collect(e.key) AS existing
}
CALL () {
  UNWIND $mentees AS mentee
  OPTIONAL MATCH (:Person {key: mentee})<-[:FOR_MENTEE]-(e:MatchEvent)
  WITH mentee, coalesce(max(e.seq), 0) AS seq
  RETURN collect({mentee: mentee, seq: seq}) AS latest
}
RETURN s.value AS value, existing, latest
