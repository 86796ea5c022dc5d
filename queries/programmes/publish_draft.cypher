// Marks a cohort draft PUBLISHED (the pairs its publisher may see have just been proposed,
// in the same transaction) and discards any other DRAFT of its programme. The pairs the
// publisher may not see (rules/draft_pair_shown) were not proposed: they leave the draft and
// their mentees are unmatched in it, so the draft says what was published.
// Parameters: $draft (key), $viewer (the publishing admin's key).
// Returns: draft (as the publisher sees it, rules/cohort_draft_shown).
// Indexes: cohort_draft_key, cohort_draft_programme, person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
MATCH (d:CohortDraft {key: $draft})
SET d.state = 'PUBLISHED', d.publishedBy = $viewer, d.publishedAt = datetime()
WITH d, viewer
CALL (d, viewer) {
  OPTIONAL MATCH (d)-[:PAIRS]->(x:DraftPair)
  WHERE NOT {{draft_pair_shown(viewer, x)}}
  WITH collect(x) AS unpublished
  SET d.unmatched = d.unmatched + [x IN unpublished | x.mentee]
  FOREACH (x IN unpublished | DETACH DELETE x)
  SET d.totalScore = coalesce(COLLECT { MATCH (d)-[:PAIRS]->(y:DraftPair) RETURN sum(y.score) }[0], 0.0)
}
CALL (d) {
  MATCH (other:CohortDraft {programme: d.programme, state: 'DRAFT'})
  SET other.state = 'DISCARDED'
}
RETURN {{cohort_draft_shown(viewer, d)}} AS draft
