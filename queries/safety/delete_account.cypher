// Deletes a person and everything about them, and retires their key: a tombstone
// (:DeletedKey {hash}) takes the person's place in the reports they filed or that name
// them, so no report and no hold is shed; their name is removed from the reports they
// resolved. Their requests (pending ones are thereby withdrawn), match events and all
// their relationships (skills, goals, connections, employment, mentorships, blocks) go.
// Afterwards no property anywhere equals or contains the key.
// Parameters: $key, $hash (graph.tombstones.tombstone_hash of $key).
// Returns: deleted (0 or 1); nothing is written when there is no such person.
// Indexes: person_key, deleted_key_hash.
OPTIONAL MATCH (p:Person {key: $key})
CALL (p) {
  WITH p WHERE p IS NOT NULL
  MERGE (t:DeletedKey {hash: $hash})
  ON CREATE SET t.deletedAt = datetime()
  WITH p, t
  CALL (p, t) {
    MATCH (p)-[f:FILED]->(r:Report)
    CREATE (t)-[:FILED]->(r)
    DELETE f
  }
  CALL (p, t) {
    MATCH (r:Report)-[a:ABOUT]->(p)
    CREATE (r)-[:ABOUT]->(t)
    DELETE a
  }
  CALL (p) {
    MATCH (r:Report {resolvedBy: p.key})
    REMOVE r.resolvedBy
  }
}
CALL (p) {
  OPTIONAL MATCH (p)-[:REQUESTED|TO]-(r:MentorshipRequest)
  DETACH DELETE r
}
CALL (p) {
  OPTIONAL MATCH (p)--(e:MatchEvent)
  DETACH DELETE e
}
DETACH DELETE p
RETURN count(p) AS deleted
