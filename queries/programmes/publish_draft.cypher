// Marks a cohort draft PUBLISHED (its pairs have just been proposed, in the same
// transaction) and discards any other DRAFT of its programme.
// Parameters: $draft (key), $publishedBy (the admin's key).
// Returns: draft (map of properties and `pairs`).
// Indexes: cohort_draft_key, cohort_draft_programme.
MATCH (d:CohortDraft {key: $draft})
SET d.state = 'PUBLISHED', d.publishedBy = $publishedBy, d.publishedAt = datetime()
WITH d
CALL (d) {
  MATCH (other:CohortDraft {programme: d.programme, state: 'DRAFT'})
  SET other.state = 'DISCARDED'
}
RETURN d { .*, pairs: COUNT { (d)-[:PAIRS]->() } } AS draft
