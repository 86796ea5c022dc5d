// Makes a person an admin of a programme ($as 'ADMINS'), or invites them to join it ($as
// 'INVITED_TO': a members-only programme is visible to them then); nothing changes when
// they already are.
// Parameters: $programme (key), $person (key), $viewer (the admin adding them), $as.
// Returns: added (bool: they exist and the admin may see them, rules/visible_to); one row.
// Indexes: programme_key, person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
OPTIONAL MATCH (q:Person {key: $person})
WITH viewer, q, q IS NOT NULL AND {{visible_to(viewer, q)}} AS visible
CALL (q, visible) {
  WITH q WHERE visible
  MATCH (p:Programme {key: $programme})
  FOREACH (_ IN CASE WHEN $as = 'ADMINS' THEN [1] ELSE [] END |
    MERGE (q)-[a:ADMINS]->(p) ON CREATE SET a.since = datetime())
  FOREACH (_ IN CASE WHEN $as = 'INVITED_TO' THEN [1] ELSE [] END |
    MERGE (q)-[i:INVITED_TO]->(p) ON CREATE SET i.since = datetime())
}
RETURN visible AS added
