// CAN_TEACH for mentors' skills loaded before it existed (once: the writes that change
// skills or openToMentor keep it up to date, see docs/model.md; idempotent if re-run after
// a crash). Batched: a million people's worth must not be one transaction.
// Parameters: none. Returns: nothing.
MATCH (p:Person {openToMentor: true})
CALL (p) {
  MATCH (p)-[h:HAS_SKILL]->(s:Skill)
  WHERE NOT EXISTS { (p)-[:CAN_TEACH]->(s) }
  CREATE (p)-[:CAN_TEACH {level: h.level}]->(s)
} IN TRANSACTIONS OF 2000 ROWS
