// Renews $owner's leases on changes it is still applying, so that a change that outlasts one
// lease is not claimed by another consumer as well. A change $owner no longer holds (applied,
// failed, released, or claimed by another after its lease ran out) is left as it is.
// Parameters: $owner, $ids, $leaseMs.
// Returns: renewed (count).
// Indexes: change_id.
UNWIND $ids AS id
MATCH (c:Change {id: id})
WHERE c.claimedBy = $owner AND c.dead IS NULL
SET c.leaseUntil = datetime() + duration({milliseconds: $leaseMs})
RETURN count(c) AS renewed
