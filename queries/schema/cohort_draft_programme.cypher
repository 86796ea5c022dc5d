// A programme's cohort drafts by state (its one DRAFT is discarded when another is drawn).
// Parameters: none. Returns: nothing.
CREATE INDEX cohort_draft_programme IF NOT EXISTS FOR (n:CohortDraft) ON (n.programme, n.state)
