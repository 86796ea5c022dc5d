// An admin decides a report. ACTION_TAKEN keeps the person held out of matching;
// DISMISSED releases them once no open report on them is left. A party whose account
// was deleted is its tombstone: nothing is held then, and its key is null. A report on a
// pattern (outcomes/flag_patterns) has no reporter.
// Parameters: $key (report key), $outcome ('DISMISSED' or 'ACTION_TAKEN'), $note, $admin.
// Returns: report (map), held (bool), holdChanged (bool: the decision put the hold on or lifted
//   it); no row when there is no OPEN report with that key.
MATCH (r:Report {key: $key, state: 'OPEN'})-[:ABOUT]->(b)
OPTIONAL MATCH (a)-[:FILED]->(r)
SET r.state = $outcome, r.note = $note, r.resolvedAt = datetime(), r.resolvedBy = $admin
WITH a, b, r, coalesce(b.heldFromMatching, false) AS wasHeld
FOREACH (person IN CASE WHEN b:Person THEN [b] ELSE [] END |
  SET person.heldFromMatching = CASE
    WHEN $outcome = 'ACTION_TAKEN' THEN true
    WHEN EXISTS { (:Report {state: 'OPEN'})-[:ABOUT]->(person) } THEN person.heldFromMatching
    ELSE false END)
RETURN r { .*, reporter: a.key, reported: b.key } AS report,
       coalesce(b.heldFromMatching, false) AS held,
       coalesce(b.heldFromMatching, false) <> wasHeld AS holdChanged
