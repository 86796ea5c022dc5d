// Scores given (mentee, mentor) pairs as ranking/mentor_matches does, for the match watcher:
// a change names the few pairs it can affect, and they are scored in one round trip instead
// of one full ranking per mentee. Same signals, weights, hub cap, third hop, exclusions and
// rounding as the ranking, from the same rules (tests/graph/events/test_watcher.py compares
// signals, shares and scores of the two). The one difference: with $seekersOnly (the
// watcher's case), only mentees seeking a mentor are scored; without it, any mentee, as the
// ranking does (`node(id:)` of a match, graph.ranking.matches.mentor_match).
// Exclusions: rules/suggestible_mentor and rules/free_capacity, as the ranking. The social
// signal walks through and divides by only people the mentee may see (rules/visible_to,
// rules/visible_degree, counted by rules/capped_degree): at most $hubDegreeCap of the mentee's connections, lowest degree
// first, none whose degree exceeds $hubDegreeCap; three-step walks when $thirdHopDecay > 0.
// A pair needs a positive social, skills or employer part.
// Parameters: $pairs (list of {mentee, mentor} keys), $seekersOnly, $socialWeight, $skillWeight,
//   $employerWeight, $availabilityWeight, $acceptanceWeight, $completionWeight, $ratingWeight,
//   $thirdHopDecay, $skillDecay, $hubDegreeCap.
// Returns: one row per eligible pair: mentee, mentor (keys), score, social, skills, employer,
//   availability, acceptance, completion, rating (raw signals), shares (map of each signal's
//   share of the score).
// Indexes: person_key.
UNWIND $pairs AS pair
MATCH (me:Person {key: pair.mentee}), (m:Person {key: pair.mentor})
WHERE (me.seekingMentor = true OR NOT $seekersOnly) AND {{suggestible_mentor(me, m)}}
WITH DISTINCT me, m
WITH me, m, {{free_capacity(m)}} AS free
WHERE free > 0
WITH me, collect({mentor: m, free: free}) AS mentors
// Who the mentee sees for knowing them, listed once (rules/seen_connections): the visible
// degrees below ask visible_to of every connection of a connection, as visible_given.
WITH me, mentors, {{seen_connections(me)}} AS seen
// The mentee's side of the social signal, once per mentee. The ranking expands the mentee's
// connections lowest visible degree first, at most $hubDegreeCap of them, none of a degree
// above it. When the mentee sees no more connections than that (nearly always), the limit
// takes nobody out, so a pair needs the degrees of only the connections it shares with the
// mentor; the whole list is read only when the limit bites or three-step walks need it.
CALL (me) {
  OPTIONAL MATCH (me)-[:KNOWS]-(z:Person)
  WHERE $socialWeight > 0 AND {{visible_to(me, z)}}
  RETURN count(z) <= $hubDegreeCap AS everyone
}
CALL (me, everyone, seen) {
  OPTIONAL MATCH (me)-[:KNOWS]-(z:Person)
  WHERE (NOT everyone OR $thirdHopDecay > 0) AND $socialWeight > 0 AND {{visible_to(me, z)}}
  WITH z, {{capped_degree(me, z, seen)}} AS degree
  ORDER BY degree, z.key
  LIMIT $hubDegreeCap
  WITH z, degree WHERE z IS NOT NULL AND degree <= $hubDegreeCap
  RETURN collect({person: z, degree: degree}) AS expanded
}
UNWIND mentors AS candidate
WITH me, seen, everyone, expanded, candidate.mentor AS m, candidate.free AS free
// Walks that end at this mentor only: two steps through a connection it knows, and three
// steps through a person both a connection and the mentor know. Only the people next to
// the mentor are weighed (their visible degree), not everyone the mentee's connections
// know, which is what makes a pair cheaper than a ranking.
CALL (me, m, seen, everyone, expanded) {
  CALL (me, m, seen, everyone, expanded) {
    WITH m, expanded WHERE NOT everyone OR $thirdHopDecay > 0
    UNWIND expanded AS x
    WITH x.person AS z, x.degree AS degree
    MATCH (z)-[:KNOWS]-(m)
    RETURN 1.0 / degree AS worth
    UNION ALL
    WITH me, m, seen WHERE everyone AND $thirdHopDecay <= 0 AND $socialWeight > 0
    MATCH (me)-[:KNOWS]-(z:Person)
    MATCH (z)-[:KNOWS]-(m)
    WHERE {{visible_to(me, z)}}
    WITH z, {{capped_degree(me, z, seen)}} AS degree
    WHERE degree <= $hubDegreeCap
    RETURN 1.0 / degree AS worth
  }
  RETURN coalesce(sum(worth), 0.0) AS twoSteps
}
CALL (me, m, seen, expanded) {
  UNWIND expanded AS x
  WITH x.person AS z, x.degree AS degree
  WHERE $thirdHopDecay > 0
  MATCH (z)-[:KNOWS]-(y:Person)
  MATCH (y)-[:KNOWS]-(m)
  WHERE y <> me AND {{visible_given(me, y, seen)}}
  WITH y, sum(1.0 / degree) AS resource
  WITH y, resource, {{capped_degree(me, y, seen)}} AS degree
  WHERE degree <= $hubDegreeCap
  RETURN coalesce(sum(resource / degree), 0.0) AS threeSteps
}
WITH me, m, free, twoSteps + $thirdHopDecay * threeSteps AS social
CALL (me, m) {
  MATCH (me)-[w:WANTS_TO_LEARN]->(t:Skill)
  WITH t, w, {{skill_ways(t)}} AS ways
  MATCH (m)-[h:CAN_TEACH]->(s:Skill)
  UNWIND [route IN ways WHERE route.skill = s] AS route
  WITH t, w, max(coalesce(h.level, 1) / 5.0 * route.reach) AS best
  ORDER BY (6 - coalesce(w.priority, 1)) / 5.0 DESC, t.key
  RETURN coalesce(sum((6 - coalesce(w.priority, 1)) / 5.0 * best), 0.0) AS skills
}
CALL (me, m) {
  OPTIONAL MATCH (me)-[mine:WORKS_AT]->(e:Employer)<-[theirs:WORKS_AT]-(m)
  WHERE coalesce(theirs.since, date('1900-01-01')) <= coalesce(mine.until, date())
    AND coalesce(mine.since, date('1900-01-01')) <= coalesce(theirs.until, date())
  RETURN toFloat(count(DISTINCT e)) AS employer
}
WITH me, m, social, skills, employer, toFloat(free) / m.mentorCapacity AS availability,
     {{track_record(m)}} AS record
WITH me, m, social, skills, employer, availability, record,
     $socialWeight * social AS socialPart, $skillWeight * skills AS skillPart,
     $employerWeight * employer AS employerPart,
     $availabilityWeight * availability AS availabilityPart
WITH me, m, social, skills, employer, availability, record,
     socialPart, skillPart, employerPart, availabilityPart,
     socialPart + skillPart + employerPart + availabilityPart + {{record_worth(record)}} AS total
WHERE socialPart + skillPart + employerPart > 0
RETURN me.key AS mentee, m.key AS mentor, round(total, 9) AS score,
       social, skills, employer, availability, record.acceptance AS acceptance,
       record.completion AS completion, record.rating AS rating,
       {{shares(total, socialPart, skillPart, employerPart, availabilityPart, record)}} AS shares
ORDER BY mentee, score DESC, mentor
