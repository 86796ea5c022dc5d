// One side's feedback on an ENDED programme mentorship: a rating and an optional text.
// The author is kept only to count people and refuse a second answer: no statement
// returns it (docs/programmes.md, "Feedback").
// Parameters: $key (programme mentorship key), $side ('MENTOR' or 'MENTEE'), $person,
//   $rating (1-5), $text (or null).
// Returns: given (bool: false when this side had already answered: nothing written).
// Indexes: programme_mentorship_key.
MATCH (x:ProgrammeMentorship {key: $key})
OPTIONAL MATCH (x)-[:HAS_FEEDBACK]->(before:Feedback {side: $side})
CALL (x, before) {
  WITH x WHERE before IS NULL
  CREATE (x)-[:HAS_FEEDBACK]->(:Feedback {side: $side, by: $person, rating: $rating,
                                          text: $text, at: datetime()})
}
RETURN before IS NULL AS given
