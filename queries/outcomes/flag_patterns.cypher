// Puts each of $people up for review when their outcomes show a pattern that may point to
// abuse (docs/privacy.md, "Reviews"), as a report filed by nobody: one OPEN report per
// person and pattern at a time, for the admins' queue (safety/list_reports). It does not
// hold them from matching: an admin's ACTION_TAKEN does, as for any report.
//   DECLINES_AFTER_CONTACT  they declined the requests of at least $declines distinct
//                           mentees who wrote to them (a request with a message);
//   ENDED_BY_MENTEES        at least $mentorshipsEnded distinct mentees ended (CANCELLED) a
//                           mentorship they mentored, a block included;
//   BLOCKED_BY_MANY         at least $blocks people block them.
// Parameters: $people (person keys), $declines, $mentorshipsEnded, $blocks, $keys (a new
//   report key per person and pattern: $keys[person][pattern]).
// Returns: one row per report filed: report (map, as safety/list_reports).
// Indexes: person_key.
UNWIND $people AS key
MATCH (p:Person {key: key})
WITH p, [
  {pattern: 'DECLINES_AFTER_CONTACT',
   people: COUNT { MATCH (a:Person)-[:REQUESTED]->(r:MentorshipRequest {state: 'DECLINED'})-[:TO]->(p)
                   WHERE r.message IS NOT NULL AND trim(r.message) <> ''
                   RETURN DISTINCT a },
   threshold: $declines},
  {pattern: 'ENDED_BY_MENTEES',
   people: COUNT { MATCH (p)-[s:MENTORS {status: 'CANCELLED'}]->(a:Person)
                   WHERE s.endedBy = a.key
                   RETURN DISTINCT a },
   threshold: $mentorshipsEnded},
  {pattern: 'BLOCKED_BY_MANY',
   people: COUNT { (:Person)-[:BLOCKED]->(p) },
   threshold: $blocks}
] AS patterns
UNWIND patterns AS found
WITH p, found
WHERE found.people >= found.threshold
  AND NOT EXISTS { (open:Report {state: 'OPEN', pattern: found.pattern})-[:ABOUT]->(p) }
CREATE (r:Report {key: $keys[p.key][found.pattern], pattern: found.pattern, reason: 'OTHER',
                  details: found.pattern + ': ' + toString(found.people) + ' people',
                  state: 'OPEN', createdAt: datetime()})-[:ABOUT]->(p)
RETURN r { .*, reporter: null, reported: p.key } AS report
