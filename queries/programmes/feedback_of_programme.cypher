// A programme's feedback as $viewer (one of its admins) may read it, pooled over its
// mentorships whose people they may all see (rules/programme_pairing_shown: a hidden
// person's answers, and their partner's on that mentorship, are not there, as in a programme
// they never took part in), and whether more than its count may be shown
// (rules/feedback_shown): the caller shows only the count when it may not.
// Parameters: $programme (key), $viewer (the admin's key).
// Returns: people (distinct authors), shown (bool), ratings (list of 1-5), texts (the
//   non-empty texts, in no meaningful order: the caller sorts them, so that their order says
//   nothing of who or when).
// Indexes: programme_key, person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
OPTIONAL MATCH (:Programme {key: $programme})<-[:IN]-(x:ProgrammeMentorship)
               -[:HAS_FEEDBACK]->(f:Feedback)
WHERE {{programme_pairing_shown(viewer, x)}}
WITH count(DISTINCT f.by) AS people, collect(f.rating) AS ratings,
     collect(CASE WHEN f.text IS NOT NULL AND f.text <> '' THEN f.text END) AS texts
RETURN people, {{feedback_shown(people)}} AS shown, ratings, texts
