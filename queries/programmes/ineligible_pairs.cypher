// The pairs of a cohort draft the ranking no longer allows (rules/suggestible_mentor:
// a block either way, a hidden mentor, an opt-out, a pending request, an existing
// mentorship), or whose people are gone: they must not be proposed.
// Parameters: $draft (key).
// Returns: one row per such pair: mentee (key), by key.
// Indexes: cohort_draft_key, person_key.
MATCH (:CohortDraft {key: $draft})-[:PAIRS]->(x:DraftPair)
OPTIONAL MATCH (e:Person {key: x.mentee})
OPTIONAL MATCH (m:Person {key: x.mentor})
WITH x, e, m
WHERE e IS NULL OR m IS NULL OR NOT {{suggestible_mentor(e, m)}}
RETURN x.mentee AS mentee
ORDER BY mentee
