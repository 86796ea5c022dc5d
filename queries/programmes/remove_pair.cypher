// Takes $mentee's pair out of a cohort draft: the mentee is unmatched in it again. Only a
// pair $viewer may see (rules/draft_pair_shown): another is no pair, as for them it is not.
// Parameters: $draft (key), $mentee (key), $viewer (the admin's key).
// Returns: draft (as the admin sees it, rules/cohort_draft_shown); no row when the mentee has
//   no pair in it that the admin may see.
// Indexes: cohort_draft_key, person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
MATCH (d:CohortDraft {key: $draft})-[:PAIRS]->(x:DraftPair {mentee: $mentee})
WHERE {{draft_pair_shown(viewer, x)}}
DETACH DELETE x
WITH d, viewer
SET d.unmatched = [key IN d.unmatched WHERE key <> $mentee] + $mentee,
    d.totalScore = coalesce(COLLECT { MATCH (d)-[:PAIRS]->(y:DraftPair) RETURN sum(y.score) }[0], 0.0)
RETURN {{cohort_draft_shown(viewer, d)}} AS draft
