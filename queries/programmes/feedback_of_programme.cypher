// All feedback of a programme, pooled, and whether more than its count may be shown
// (rules/feedback_shown): the caller shows an admin only the count when it may not.
// Parameters: $programme (key).
// Returns: people (distinct authors), shown (bool), ratings (list of 1-5), texts (the
//   non-empty texts, in no meaningful order: the caller sorts them, so that their order says
//   nothing of who or when).
// Indexes: programme_key.
OPTIONAL MATCH (:Programme {key: $programme})<-[:IN]-(:ProgrammeMentorship)
               -[:HAS_FEEDBACK]->(f:Feedback)
WITH count(DISTINCT f.by) AS people, collect(f.rating) AS ratings,
     collect(CASE WHEN f.text IS NOT NULL AND f.text <> '' THEN f.text END) AS texts
RETURN people, {{feedback_shown(people)}} AS shown, ratings, texts
