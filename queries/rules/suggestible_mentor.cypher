// Rule: may `mentor` be suggested to `mentee` at all? The absolute exclusions of the ranking
// (docs/ranking.md), in every statement that ranks, scores or lists mentors for a mentee:
// not the mentee; open to mentoring; not held from matching after reports; visible to the
// mentee (visible_to: not blocked either way, not PRIVATE, CONNECTIONS only when connected);
// not already mentoring them; no PENDING mentorship request between them, either way.
// Free capacity is the other condition (free_capacity > 0), apart because callers use its value.
// Arguments: mentee (a Person), mentor (a Person).
{{mentor}} <> {{mentee}}
AND {{mentor}}.openToMentor = true
AND coalesce({{mentor}}.heldFromMatching, false) = false
AND {{visible_to(mentee, mentor)}}
AND NOT EXISTS { ({{mentor}})-[:MENTORS {status: 'ACTIVE'}]->({{mentee}}) }
AND NOT EXISTS {
  ({{mentee}})-[:REQUESTED]->(:MentorshipRequest {state: 'PENDING'})-[:TO]->({{mentor}}) }
AND NOT EXISTS {
  ({{mentor}})-[:REQUESTED]->(:MentorshipRequest {state: 'PENDING'})-[:TO]->({{mentee}}) }
