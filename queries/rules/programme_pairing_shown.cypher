// Rule: may `viewer` see the programme mentorship (or proposal) `pairing` at all? Only when
// they may see each of its people (programme_shows): a mentorship with someone hidden from
// the viewer is not there for them, nor are its steps, check-ins and feedback, so no list,
// count or pooled figure they read changes because of that person. A side whose account was
// deleted is nobody, and hides nothing (their feedback stays in the pooled figures).
// The subquery names its own variable `pairingSide`: a statement must not have one in scope.
// Arguments: viewer (a Person or null), pairing (a ProgrammeMentorship).
NOT EXISTS {
  MATCH ({{pairing}})-[:MENTOR|MENTEE]->(pairingSide:Person)
  WHERE NOT {{programme_shows(viewer, pairingSide)}}
}
