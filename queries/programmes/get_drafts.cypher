// Cohort drafts by key, in the order given (null for a key that names none).
// Parameters: $keys (list of draft keys).
// Returns: one row per key: draft (map of properties and `pairs`, the number of pairs, or null).
// Indexes: cohort_draft_key.
UNWIND $keys AS key
OPTIONAL MATCH (d:CohortDraft {key: key})
RETURN CASE WHEN d IS NULL THEN null
       ELSE d { .*, pairs: COUNT { (d)-[:PAIRS]->() } } END AS draft
