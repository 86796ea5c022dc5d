// Counts a failed attempt at a change: no claim is left on it, and it may be claimed again
// after $backoffMs milliseconds (its lease stands for the backoff). At $maxAttempts attempts it
// is parked as dead: kept, with its last error, never claimed again; a null $maxAttempts never
// parks it (a change that failed for want of time is tried again for as long as it takes).
// Parameters: $id, $error (text), $backoffMs, $maxAttempts (int or null).
// Returns: attempts (int), dead (bool); no row when the change is gone (applied elsewhere).
// Indexes: change_id.
MATCH (c:Change {id: $id})
WITH c, coalesce(c.attempts, 0) + 1 AS attempts
SET c.attempts = attempts,
    c.error = $error,
    c.claimedBy = null,
    c.leaseUntil = datetime() + duration({milliseconds: $backoffMs}),
    c.dead = CASE WHEN attempts >= $maxAttempts THEN true END,
    c.diedAt = CASE WHEN attempts >= $maxAttempts THEN datetime() END
RETURN attempts, c.dead IS NOT NULL AS dead
