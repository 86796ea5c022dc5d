// The second half of a claim (after events/lock_changes, in the same transaction): each locked
// change still claimable gets $owner's lease of $leaseMs milliseconds.
// Parameters: $ids (from events/lock_changes), $owner, $leaseMs.
// Returns: one row per change claimed: id, kind, payload, attempts; oldest first.
// Indexes: change_id.
UNWIND $ids AS id
MATCH (c:Change {id: id})
REMOVE c.lockedBy
WITH c
WHERE c.dead IS NULL AND (c.leaseUntil IS NULL OR c.leaseUntil <= datetime())
SET c.claimedBy = $owner, c.leaseUntil = datetime() + duration({milliseconds: $leaseMs})
RETURN c.id AS id, c.kind AS kind, c.payload AS payload, c.attempts AS attempts
ORDER BY c.at, c.id
