// Pairs $mentee with $mentor in a cohort draft (replacing the mentee's pair if it has one)
// and keeps the draft's totalScore and unmatched list in step.
// Parameters: $draft (key), $mentee, $mentor (keys), $score, $values, $shares (the pair's
//   signals in graph.ranking.signals.SIGNAL_NAMES order), $viewer (the admin's key).
// Returns: draft (as the admin sees it, rules/cohort_draft_shown).
// Indexes: cohort_draft_key, person_key.
MATCH (d:CohortDraft {key: $draft})
OPTIONAL MATCH (d)-[:PAIRS]->(old:DraftPair {mentee: $mentee})
DETACH DELETE old
WITH DISTINCT d
CREATE (d)-[:PAIRS]->(:DraftPair {
  mentee: $mentee, mentor: $mentor, score: $score, signalValues: $values, signalShares: $shares
})
WITH d
SET d.unmatched = [key IN d.unmatched WHERE key <> $mentee],
    d.totalScore = COLLECT { MATCH (d)-[:PAIRS]->(x:DraftPair) RETURN sum(x.score) }[0]
WITH d
OPTIONAL MATCH (viewer:Person {key: $viewer})
RETURN {{cohort_draft_shown(viewer, d)}} AS draft
