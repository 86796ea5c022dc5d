// Expression: the cohort draft `draft` as `viewer` sees it: its properties, with `pairs`
// (how many), `totalScore` and `unmatched` (mentee keys) computed here over what the viewer
// may see, never the stored figures: only the pairs draft_pair_shown lets them see count; a
// mentee they may see whose mentor is hidden from them is unmatched, as in a programme the
// mentor never joined; an unmatched mentee hidden from them is not listed. So the draft of
// a programme a hidden person took part in reads as one they never took part in.
// One pass over the pairs: the outer list binds their rows (score, mentee, shown) once.
// The subqueries' own variables start with `seen`: a statement must not have one in scope.
// Arguments: viewer (a Person or null), draft (a CohortDraft).
[seenRows IN [COLLECT {
   MATCH ({{draft}})-[:PAIRS]->(seenPair:DraftPair)
   RETURN {score: seenPair.score, mentee: seenPair.mentee,
           shown: {{draft_pair_shown(viewer, seenPair)}}} AS seenRow
 }] | {{draft}} { .*,
  pairs: size([seenRow IN seenRows WHERE seenRow.shown]),
  totalScore: reduce(seenTotal = 0.0, seenRow IN seenRows |
                     seenTotal + CASE WHEN seenRow.shown THEN seenRow.score ELSE 0.0 END),
  unmatched: COLLECT {
    UNWIND {{draft}}.unmatched + [seenRow IN seenRows WHERE NOT seenRow.shown | seenRow.mentee]
      AS seenKey
    MATCH (seenMentee:Person {key: seenKey})
    WHERE {{programme_shows(viewer, seenMentee)}}
    RETURN DISTINCT seenMentee.key
  }
}][0]
