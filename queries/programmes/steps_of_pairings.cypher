// The guided steps of several programme mentorships, in the order given, each by index.
// Parameters: $keys (programme mentorship keys).
// Returns: key, steps (list of step maps: index, title, dueOn, doneAt, announcedAt).
// Indexes: programme_mentorship_key.
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (x:ProgrammeMentorship {key: $keys[i]})
RETURN $keys[i] AS key,
       COLLECT { MATCH (x)-[:HAS_STEP]->(s:GuidedStep) RETURN s { .* } AS step
                 ORDER BY s.index } AS steps
ORDER BY i
