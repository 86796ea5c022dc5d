// Takes $mentee's pair out of a cohort draft: the mentee is unmatched in it again.
// Parameters: $draft (key), $mentee (key).
// Returns: draft (map of properties and `pairs`); no row when the mentee has no pair in it.
// Indexes: cohort_draft_key.
MATCH (d:CohortDraft {key: $draft})-[:PAIRS]->(x:DraftPair {mentee: $mentee})
DETACH DELETE x
WITH d
SET d.unmatched = [key IN d.unmatched WHERE key <> $mentee] + $mentee,
    d.totalScore = coalesce(COLLECT { MATCH (d)-[:PAIRS]->(y:DraftPair) RETURN sum(y.score) }[0], 0.0)
RETURN d { .*, pairs: COUNT { (d)-[:PAIRS]->() } } AS draft
