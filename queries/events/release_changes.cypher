// Gives back $owner's claims on changes it will not apply (shutdown): another consumer may
// take them at once.
// Parameters: $owner, $ids.
// Returns: released (count).
// Indexes: change_id.
UNWIND $ids AS id
MATCH (c:Change {id: id})
WHERE c.claimedBy = $owner
SET c.claimedBy = null, c.leaseUntil = null
RETURN count(c) AS released
