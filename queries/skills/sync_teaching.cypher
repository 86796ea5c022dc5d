// Makes people's CAN_TEACH edges match their skills and openToMentor again: a mentor can
// teach each skill they have, at its level; anyone else teaches nothing. Run after
// openToMentor changes, in the same transaction.
// Parameters: $keys (person keys).
// Returns: count (people synced).
UNWIND $keys AS key
MATCH (p:Person {key: key})
CALL (p) {
  MATCH (p)-[t:CAN_TEACH]->()
  DELETE t
}
CALL (p) {
  WITH p WHERE p.openToMentor = true
  MATCH (p)-[h:HAS_SKILL]->(s)
  CREATE (p)-[:CAN_TEACH {level: h.level}]->(s)
}
RETURN count(*) AS count
