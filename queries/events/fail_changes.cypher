// Counts a failed attempt at each of $changes that $owner holds: the changes of one
// application (repeats of one event fail together), in one write. No claim is left on a
// change, and it may be claimed again after its backoffMs milliseconds (its lease stands
// for the backoff). A $defect (a failure for another reason than time or an unavailable
// Neo4j) is counted apart: at $maxAttempts defects the change is parked as dead: kept, with
// its last error, never claimed again. Attempts of either kind give the next attempt more
// time. The caller lists the changes in the order they were claimed (by at, then id).
// Parameters: $changes (list of {id, backoffMs}), $owner, $error (text), $defect (bool),
//   $maxAttempts.
// Returns: per change counted, id, attempts (int), dead (bool); no row for a change that is
//   gone (applied elsewhere), parked, or claimed by another consumer since.
// Indexes: change_id.
UNWIND $changes AS failed
MATCH (c:Change {id: failed.id})
WHERE c.claimedBy = $owner AND c.dead IS NULL
WITH c, failed, coalesce(c.attempts, 0) + 1 AS attempts,
     coalesce(c.defects, 0) + CASE WHEN $defect THEN 1 ELSE 0 END AS defects
SET c.attempts = attempts,
    c.defects = defects,
    c.error = $error,
    c.claimedBy = null,
    c.leaseUntil = datetime() + duration({milliseconds: failed.backoffMs}),
    c.dead = CASE WHEN defects >= $maxAttempts THEN true END,
    c.diedAt = CASE WHEN defects >= $maxAttempts THEN datetime() END
RETURN c.id AS id, attempts, c.dead IS NOT NULL AS dead
