// An admin decides a report. ACTION_TAKEN keeps the person held out of matching;
// DISMISSED releases them once no open report on them is left.
// Parameters: $key (report key), $outcome ('DISMISSED' or 'ACTION_TAKEN'), $note, $admin.
// Returns: report (map), held (bool); no row when there is no OPEN report with that key.
MATCH (a:Person)-[:FILED]->(r:Report {key: $key, state: 'OPEN'})-[:ABOUT]->(b:Person)
SET r.state = $outcome, r.note = $note, r.resolvedAt = datetime(), r.resolvedBy = $admin
WITH a, b, r
SET b.heldFromMatching = CASE
  WHEN $outcome = 'ACTION_TAKEN' THEN true
  WHEN EXISTS { (:Report {state: 'OPEN'})-[:ABOUT]->(b) } THEN b.heldFromMatching
  ELSE false END
RETURN r { .*, reporter: a.key, reported: b.key } AS report, b.heldFromMatching AS held
