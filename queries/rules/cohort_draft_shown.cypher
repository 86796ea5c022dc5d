// Expression: the cohort draft `draft` as `viewer` sees it: its properties, with `pairs`
// (how many), `totalScore` and `unmatched` (mentee keys) computed here over what the viewer
// may see, never the stored figures: only the pairs draft_pair_shown lets them see count; a
// mentee they may see whose mentor is hidden from them is unmatched, as in a programme the
// mentor never joined; an unmatched mentee hidden from them is not listed. So the draft of
// a programme a hidden person took part in reads as one they never took part in.
// The subqueries' own variables start with `seen`: a statement must not have one in scope.
// Arguments: viewer (a Person or null), draft (a CohortDraft).
{{draft}} { .*,
  pairs: COUNT {
    MATCH ({{draft}})-[:PAIRS]->(seenPair:DraftPair) WHERE {{draft_pair_shown(viewer, seenPair)}}
  },
  totalScore: reduce(seenTotal = 0.0, seenScore IN COLLECT {
    MATCH ({{draft}})-[:PAIRS]->(seenPair:DraftPair) WHERE {{draft_pair_shown(viewer, seenPair)}}
    RETURN seenPair.score
  } | seenTotal + seenScore),
  unmatched: COLLECT {
    UNWIND {{draft}}.unmatched + COLLECT {
      MATCH ({{draft}})-[:PAIRS]->(seenHalf:DraftPair)
      WHERE NOT {{draft_pair_shown(viewer, seenHalf)}}
      RETURN seenHalf.mentee
    } AS seenKey
    MATCH (seenMentee:Person {key: seenKey})
    WHERE {{programme_shows(viewer, seenMentee)}}
    RETURN DISTINCT seenMentee.key
  }
}
