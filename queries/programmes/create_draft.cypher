// Stores a proposed whole-cohort assignment as a DRAFT, and discards the programme's
// earlier DRAFT (one draft at a time: a new one is drawn over the cohort as it is now).
// Parameters: $key (new draft key), $programme (key), $createdBy (the admin's key),
//   $pairs (list of {mentee, mentor, score, values, shares}: values and shares of the
//   signals in graph.ranking.signals.SIGNAL_NAMES order), $unmatched (mentee keys),
//   $spread.
// Returns: draft (as the admin who drew it sees it, rules/cohort_draft_shown).
// Indexes: cohort_draft_key, cohort_draft_programme, person_key.
OPTIONAL MATCH (old:CohortDraft {programme: $programme, state: 'DRAFT'})
SET old.state = 'DISCARDED'
WITH count(old) AS discarded
CREATE (d:CohortDraft {
  key: $key, programme: $programme, createdBy: $createdBy, createdAt: datetime(),
  state: 'DRAFT', spread: $spread, unmatched: $unmatched,
  totalScore: reduce(total = 0.0, pair IN $pairs | total + pair.score)
})
WITH d
CALL (d) {
  UNWIND $pairs AS pair
  CREATE (d)-[:PAIRS]->(:DraftPair {
    mentee: pair.mentee, mentor: pair.mentor, score: pair.score,
    signalValues: pair.values, signalShares: pair.shares
  })
}
WITH d
OPTIONAL MATCH (viewer:Person {key: $createdBy})
RETURN {{cohort_draft_shown(viewer, d)}} AS draft
