// Rule: may `viewer` see the cohort draft's pair `pair` (a DraftPair, which keeps its two
// people as keys)? Only when they may see both of its people (programme_shows), as for a
// programme mentorship (programme_pairing_shown): a pair with someone hidden from the
// viewer, its score and its signals are not there for them, and count in no total.
// The subquery names its own variable `pairSide`: a statement must not have one in scope.
// Arguments: viewer (a Person or null), pair (a DraftPair).
NOT EXISTS {
  MATCH (pairSide:Person)
  WHERE pairSide.key IN [{{pair}}.mentee, {{pair}}.mentor]
    AND NOT {{programme_shows(viewer, pairSide)}}
}
