// All feedback of a programme, pooled: the caller decides what of it an admin may see.
// Parameters: $programme (key).
// Returns: people (distinct authors), ratings (list of 1-5), texts (the non-empty texts, in no
//   meaningful order: the caller sorts them, so that their order says nothing of who or when).
// Indexes: programme_key.
OPTIONAL MATCH (:Programme {key: $programme})<-[:IN]-(:ProgrammeMentorship)
               -[:HAS_FEEDBACK]->(f:Feedback)
WITH count(DISTINCT f.by) AS people, collect(f.rating) AS ratings,
     collect(CASE WHEN f.text IS NOT NULL AND f.text <> '' THEN f.text END) AS texts
RETURN people, ratings, texts
