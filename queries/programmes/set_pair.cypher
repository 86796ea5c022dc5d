// Pairs $mentee with $mentor in a cohort draft (replacing the mentee's pair if it has one)
// and keeps the draft's totalScore and unmatched list in step.
// Parameters: $draft (key), $mentee, $mentor (keys), $score, $values, $shares (the pair's
//   signals in graph.ranking.signals.SIGNAL_NAMES order).
// Returns: draft (map of properties and `pairs`, the number of pairs).
// Indexes: cohort_draft_key.
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
RETURN d { .*, pairs: COUNT { (d)-[:PAIRS]->() } } AS draft
