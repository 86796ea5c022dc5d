// Counts a failed attempt at a change $owner holds: no claim is left on it, and it may be
// claimed again after $backoffMs milliseconds (its lease stands for the backoff). A $defect
// (a failure for another reason than time or an unavailable Neo4j) is counted apart: at
// $maxAttempts defects the change is parked as dead: kept, with its last error, never claimed
// again. Attempts of either kind give the next attempt more time.
// Parameters: $id, $owner, $error (text), $backoffMs, $defect (bool), $maxAttempts.
// Returns: attempts (int), dead (bool); no row when the change is gone (applied elsewhere),
//   parked, or claimed by another consumer since.
// Indexes: change_id.
MATCH (c:Change {id: $id})
WHERE c.claimedBy = $owner AND c.dead IS NULL
WITH c, coalesce(c.attempts, 0) + 1 AS attempts,
     coalesce(c.defects, 0) + CASE WHEN $defect THEN 1 ELSE 0 END AS defects
SET c.attempts = attempts,
    c.defects = defects,
    c.error = $error,
    c.claimedBy = null,
    c.leaseUntil = datetime() + duration({milliseconds: $backoffMs}),
    c.dead = CASE WHEN defects >= $maxAttempts THEN true END,
    c.diedAt = CASE WHEN defects >= $maxAttempts THEN datetime() END
RETURN attempts, c.dead IS NOT NULL AS dead
