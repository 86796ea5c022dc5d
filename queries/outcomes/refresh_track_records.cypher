// Recomputes the track record (rules/track_record) of each of $people from their outcomes, in
// the transaction that recorded a new one (graph/outcomes.py):
//   acceptance  of the answers they gave as a mentor: requests ACCEPTED or DECLINED, and
//               programme proposals their side accepted or declined (a request left to expire
//               or withdrawn is no answer);
//   completion  of the mentorships they mentored that ended: COMPLETED against CANCELLED
//               (by either side, a block included);
//   rating      their mentees' programme feedback, (rating - 1) / 4, once at least
//               $minRatings mentees rated them, rounded to one decimal; before that, and
//               with no feedback, the prior.
// Each is smoothed towards the neutral 0.5 with two answers of each kind ($prior of each), so
// one decline moves a newcomer a little, and a long record moves them a lot.
// Parameters: $people (person keys), $prior (pseudo-outcomes of each kind), $minRatings.
// Returns: one row per person found: person (key), changed (bool: a value moved).
// Indexes: person_key.
UNWIND $people AS key
MATCH (p:Person {key: key})
WITH p, {{track_record(p)}} AS before,
     COUNT { (p)<-[:TO]-(:MentorshipRequest {state: 'ACCEPTED'}) }
       + COUNT { (p)<-[:MENTOR]-(:ProgrammeMentorship {mentorAccepted: true}) } AS accepted,
     COUNT { (p)<-[:TO]-(:MentorshipRequest {state: 'DECLINED'}) }
       + COUNT { (p)<-[:MENTOR]-(:ProgrammeMentorship {mentorAccepted: false}) } AS declined,
     COUNT { (p)-[:MENTORS {status: 'COMPLETED'}]->() } AS completed,
     COUNT { (p)-[:MENTORS {status: 'CANCELLED'}]->() } AS cancelled,
     COLLECT { MATCH (p)<-[:MENTOR]-(:ProgrammeMentorship)-[:HAS_FEEDBACK]->(f:Feedback {side: 'MENTEE'})
               RETURN (f.rating - 1) / 4.0 } AS ratings
SET p.acceptance = (accepted + $prior) / (accepted + declined + 2.0 * $prior),
    p.completion = (completed + $prior) / (completed + cancelled + 2.0 * $prior),
    p.rating = CASE WHEN size(ratings) < $minRatings THEN 0.5
               ELSE round((reduce(total = 0.0, r IN ratings | total + r) + $prior)
                          / (size(ratings) + 2.0 * $prior), 1) END
RETURN p.key AS person, {{track_record(p)}} <> before AS changed
