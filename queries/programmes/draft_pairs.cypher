// A page of a cohort draft's pairs, by mentee key, only those $viewer may see
// (rules/draft_pair_shown: a pair with someone hidden from them is not there).
// Parameters: $draft (key), $viewer (the admin's key), $after / $before (mentee keys: the
//   cursor on the page's side), $limit.
// Returns: one row per pair: mentee, mentor, score, signalValues, signalShares.
// Indexes: cohort_draft_key, person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
MATCH (:CohortDraft {key: $draft})-[:PAIRS]->(x:DraftPair)
WHERE ($after IS NULL OR x.mentee > $after) AND ($before IS NULL OR x.mentee < $before)
// Sorted first, so that the rule is asked of no more pairs than the page needs.
WITH viewer, x
ORDER BY x.mentee {{ASC|DESC}}
WHERE {{draft_pair_shown(viewer, x)}}
RETURN x.mentee AS mentee, x.mentor AS mentor, x.score AS score,
       x.signalValues AS signalValues, x.signalShares AS signalShares
ORDER BY x.mentee {{ASC|DESC}}
LIMIT $limit
