// The size of the change log, for /metrics and tests.
// Parameters: none.
// Returns one row: pending (changes not yet applied, claimed or not), dead (parked).
MATCH (c:Change)
RETURN count(CASE WHEN c.dead IS NULL THEN 1 END) AS pending, count(c.dead) AS dead
