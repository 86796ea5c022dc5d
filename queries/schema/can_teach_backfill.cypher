// CAN_TEACH for mentors' skills loaded before it existed (a no-op once done; the writes
// that change skills or openToMentor keep it up to date, see docs/data.md).
// Parameters: none. Returns: nothing.
MATCH (p:Person {openToMentor: true})-[h:HAS_SKILL]->(s:Skill)
WHERE NOT EXISTS { (p)-[:CAN_TEACH]->(s) }
CREATE (p)-[:CAN_TEACH {level: h.level}]->(s)
