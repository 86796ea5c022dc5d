// How many ACTIVE mentorships a member has in a programme, on either side.
// Parameters: $programme (key), $person (key).
// Returns: active.
// Indexes: programme_key, person_key.
MATCH (p:Programme {key: $programme})
OPTIONAL MATCH (a:Person {key: $person})
RETURN COUNT { (p)<-[:IN]-(:ProgrammeMentorship {state: 'ACTIVE'})-[:MENTOR|MENTEE]->(a) }
  AS active
