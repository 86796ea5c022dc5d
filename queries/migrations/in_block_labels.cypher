// :InBlock on both ends of every BLOCKED relationship stored before the label existed (once:
// the writers of BLOCKED set it since, see rules/visible_to and docs/model.md; idempotent if
// re-run after a crash). Batched: a million people's worth must not be one transaction.
// Parameters: none. Returns: nothing.
MATCH (p:Person)
WHERE NOT p:InBlock AND EXISTS { (p)-[:BLOCKED]-(:Person) }
CALL (p) {
  SET p:InBlock
} IN TRANSACTIONS OF 2000 ROWS
