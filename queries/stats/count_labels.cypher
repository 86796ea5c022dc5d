// Counts nodes per label (a node with several labels counts under each), without the
// migrations' records.
// Parameters: none.
// Returns: label, count; one row per label, by label.
CALL db.labels() YIELD label WHERE label <> 'Migration'
CALL (label) {
  MATCH (n:$(label))
  RETURN count(n) AS count
}
RETURN label, count
ORDER BY label
