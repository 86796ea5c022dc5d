// A member leaves a programme: their membership goes and their open proposals in it are
// CANCELLED (the caller has checked that none of their mentorships in it is ACTIVE).
// Parameters: $programme (key), $person (key).
// Returns: cancelled (how many proposals).
// Indexes: programme_key, person_key.
MATCH (a:Person {key: $person})-[m:MEMBER_OF]->(p:Programme {key: $programme})
DELETE m
WITH a, p
CALL (a, p) {
  OPTIONAL MATCH (p)<-[:IN]-(x:ProgrammeMentorship {state: 'PROPOSED'})-[:MENTOR|MENTEE]->(a)
  SET x.state = 'CANCELLED', x.endedAt = datetime()
  RETURN count(x) AS cancelled
}
RETURN cancelled
