// Scores given (mentee, mentor) pairs as ranking/mentor_matches does, for the match watcher:
// a change names the few pairs it can affect, and they are scored in one round trip instead
// of one full ranking per mentee. Keep in step with ranking/mentor_matches (same signals,
// weights, exclusions and rounding; tests/graph/test_match_watcher.py compares the two).
// Differences: only mentees seeking a mentor are scored; three-step social paths are not
// scored; every connection of the mentee of at most $hubDegreeCap connections counts (the
// ranking also stops after the $hubDegreeCap lowest-degree ones).
// Exclusions: the mentee, ACTIVE mentors of the mentee, PENDING requests either way, BLOCKED
// either way, not openToMentor, heldFromMatching, no free capacity, PRIVATE, and CONNECTIONS
// without a KNOWS to the mentee. A pair needs a positive social, skills or employer part.
// Parameters: $pairs (list of {mentee, mentor} keys), $socialWeight, $skillWeight,
//   $employerWeight, $availabilityWeight, $skillDecay, $hubDegreeCap.
// Returns: one row per eligible pair: mentee, mentor (keys), score, social, skills, employer,
//   availability (raw signals), shares (map of each signal's share of the score).
// Indexes: person_key.
UNWIND $pairs AS pair
MATCH (me:Person {key: pair.mentee}), (m:Person {key: pair.mentor})
WHERE me <> m
  AND me.seekingMentor = true
  AND m.openToMentor = true
  AND coalesce(m.heldFromMatching, false) = false
  AND (m.visibility = 'PUBLIC'
       OR (m.visibility = 'CONNECTIONS' AND EXISTS { (me)-[:KNOWS]-(m) }))
  AND NOT EXISTS { (me)-[:BLOCKED]-(m) }
  AND NOT EXISTS { (me)<-[:MENTORS {status: 'ACTIVE'}]-(m) }
  AND NOT EXISTS { (me)-[:REQUESTED]->(:MentorshipRequest {state: 'PENDING'})-[:TO]->(m) }
  AND NOT EXISTS { (m)-[:REQUESTED]->(:MentorshipRequest {state: 'PENDING'})-[:TO]->(me) }
WITH DISTINCT me, m
WITH me, m,
     coalesce(m.mentorCapacity, 0) - COUNT { (m)-[:MENTORS {status: 'ACTIVE'}]->() } AS free
WHERE free > 0
CALL (me, m) {
  OPTIONAL MATCH (me)-[:KNOWS]-(z:Person)-[:KNOWS]-(m)
  WHERE NOT EXISTS { (me)-[:BLOCKED]-(z) }
  WITH z, COUNT { (z)-[:KNOWS]-() } AS degree
  RETURN sum(CASE WHEN z IS NOT NULL AND degree <= $hubDegreeCap THEN 1.0 / degree ELSE 0.0 END)
         AS social
}
CALL (me, m) {
  MATCH (me)-[w:WANTS_TO_LEARN]->(t:Skill)
  MATCH (m)-[h:HAS_SKILL]->(s:Skill)
  MATCH (s)
        ((a:Skill)-[r:RELATED_TO|LEADS_TO]-(b:Skill)
          WHERE type(r) = 'RELATED_TO' OR startNode(r) = a){0,2}
        (t)
  WITH t, w, max(coalesce(h.level, 1) / 5.0 * reduce(f = 1.0, rel IN r | f * $skillDecay *
           CASE type(rel) WHEN 'RELATED_TO' THEN coalesce(rel.weight, 1.0) ELSE 1.0 END))
       AS best
  RETURN sum((6 - coalesce(w.priority, 1)) / 5.0 * best) AS skills
}
CALL (me, m) {
  OPTIONAL MATCH (me)-[mine:WORKS_AT]->(e:Employer)<-[theirs:WORKS_AT]-(m)
  WHERE coalesce(theirs.since, date('1900-01-01')) <= coalesce(mine.until, date())
    AND coalesce(mine.since, date('1900-01-01')) <= coalesce(theirs.until, date())
  RETURN toFloat(count(DISTINCT e)) AS employer
}
WITH me, m, social, skills, employer, toFloat(free) / m.mentorCapacity AS availability
WITH me, m, social, skills, employer, availability,
     $socialWeight * social AS socialPart, $skillWeight * skills AS skillPart,
     $employerWeight * employer AS employerPart,
     $availabilityWeight * availability AS availabilityPart
WITH me, m, social, skills, employer, availability,
     socialPart, skillPart, employerPart, availabilityPart,
     socialPart + skillPart + employerPart + availabilityPart AS total
WHERE socialPart + skillPart + employerPart > 0
RETURN me.key AS mentee, m.key AS mentor, round(total, 9) AS score,
       social, skills, employer, availability,
       {social: socialPart / total, skills: skillPart / total,
        employer: employerPart / total, availability: availabilityPart / total} AS shares
ORDER BY mentee, score DESC, mentor
