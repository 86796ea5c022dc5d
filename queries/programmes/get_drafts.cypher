// Cohort drafts by key, in the order given (null for a key that names none), each as $viewer
// sees it (rules/cohort_draft_shown: its pairs, totals and unmatched mentees count only
// the people they may see).
// Parameters: $keys (list of draft keys), $viewer (person key or null).
// Returns: one row per key: draft (map of properties and `pairs`, the number of pairs, or null).
// Indexes: cohort_draft_key, person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
UNWIND $keys AS key
OPTIONAL MATCH (d:CohortDraft {key: key})
RETURN CASE WHEN d IS NULL THEN null ELSE {{cohort_draft_shown(viewer, d)}} END AS draft
