// Every CohortDraft has one stable, unique key.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT cohort_draft_key IF NOT EXISTS FOR (n:CohortDraft) REQUIRE n.key IS UNIQUE
