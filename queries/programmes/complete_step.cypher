// Marks a guided step done (the first time only: a second mark keeps the first).
// Parameters: $key (programme mentorship key), $index (the step's index), $person (who).
// Returns: step (map); no row when the mentorship has no such step.
// Indexes: programme_mentorship_key.
MATCH (:ProgrammeMentorship {key: $key})-[:HAS_STEP]->(s:GuidedStep {index: $index})
SET s.doneAt = coalesce(s.doneAt, datetime()), s.doneBy = coalesce(s.doneBy, $person)
RETURN s { .* } AS step
