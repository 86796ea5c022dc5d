// Deletes a person and everything about them: their requests (pending ones are thereby
// withdrawn), reports they filed or that name them, match events, and all their
// relationships (skills, goals, connections, employment, mentorships, blocks).
// Parameters: $key.
// Returns: deleted (0 or 1).
OPTIONAL MATCH (p:Person {key: $key})
CALL (p) {
  OPTIONAL MATCH (p)-[:REQUESTED|TO]-(r:MentorshipRequest)
  DETACH DELETE r
}
CALL (p) {
  OPTIONAL MATCH (p)-[:FILED|ABOUT]-(r:Report)
  DETACH DELETE r
}
CALL (p) {
  OPTIONAL MATCH (p)--(e:MatchEvent)
  DETACH DELETE e
}
DETACH DELETE p
RETURN count(p) AS deleted
