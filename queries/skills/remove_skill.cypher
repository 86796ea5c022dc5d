// Removes a skill from a person (and with it, what they can teach).
// Parameters: $person, $skill (keys).
// Returns: removed (number of HAS_SKILL relationships deleted: 0 or 1).
MATCH (p:Person {key: $person})-[h:HAS_SKILL]->(s:Skill {key: $skill})
OPTIONAL MATCH (p)-[t:CAN_TEACH]->(s)
DELETE h, t
RETURN count(h) AS removed
