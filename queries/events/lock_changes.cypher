// The first half of a claim: takes the write lock on up to $limit claimable changes, oldest
// first (claimable: not dead, no lease or an expired one; a retried change's backoff is its
// lease, so it waits behind newer ones for that long). Two consumers claiming at once queue
// on these locks; events/claim_changes, the next statement, reads each lease again under the
// lock, so a change claimed by the other in between is left to it.
// Parameters: $owner (the consumer), $limit.
// Returns: one row per locked change: id, in the order to apply.
// Indexes: change_at.
MATCH (c:Change)
WHERE c.dead IS NULL AND (c.leaseUntil IS NULL OR c.leaseUntil <= datetime())
WITH c
ORDER BY c.at, c.id
LIMIT $limit
SET c.lockedBy = $owner
RETURN c.id AS id
