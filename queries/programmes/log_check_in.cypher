// Logs a check-in of a programme mentorship: the day it took place and a note.
// Parameters: $key (programme mentorship key), $checkIn (new check-in key, sorting by
//   creation time), $person (who logs it), $on (date), $note.
// Returns: checkIn (map of properties).
// Indexes: programme_mentorship_key.
MATCH (x:ProgrammeMentorship {key: $key})
CREATE (x)-[:HAS_CHECK_IN]->(c:CheckIn {key: $checkIn, on: $on, note: $note, by: $person,
                                        at: datetime()})
RETURN c { .* } AS checkIn
