// Files a report on $reported; once $threshold distinct people have open reports on
// them, they are held out of matching until an admin decides. A reporter who has since
// deleted their account still counts once, through their tombstone.
// Parameters: $key (new report key), $reporter, $reported, $reason, $details, $threshold.
// Returns: report (map), held (bool: the reported person is now held), holdChanged (bool: this
//   report put the hold on); no row, and nothing
//   written, when $reporter may not see $reported (rules/visible_to).
MATCH (a:Person {key: $reporter})
MATCH (b:Person {key: $reported})
WHERE {{visible_to(a, b)}}
CREATE (a)-[:FILED]->(r:Report {key: $key, reason: $reason, details: $details,
                                state: 'OPEN', createdAt: datetime()})-[:ABOUT]->(b)
WITH a, b, r, coalesce(b.heldFromMatching, false) AS wasHeld,
     COUNT { MATCH (x)-[:FILED]->(:Report {state: 'OPEN'})-[:ABOUT]->(b)
             RETURN DISTINCT x } AS reporters
SET b.heldFromMatching = wasHeld OR reporters >= $threshold
RETURN r { .*, reporter: a.key, reported: b.key } AS report, b.heldFromMatching AS held,
       b.heldFromMatching <> wasHeld AS holdChanged
