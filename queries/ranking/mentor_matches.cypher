// Ranks mentors for a mentee and explains each match (one page, keyset-paginated).
// Candidates are gathered from connections of connections, from people with a skill on the way
// to a wanted one, and from former colleagues; each is scored on four signals (docs/ranking.md):
//   social       resource allocation over mutual connections: sum of 1/degree(z) for each
//                connection z shared with the mentee; plus, when $thirdHopDecay > 0, three-step
//                resource spreading (walks mentee-z-y-mentor), each walk worth
//                $thirdHopDecay / (degree(z) * degree(y)).
//   skills       for each target skill t (the mentee's WANTS_TO_LEARN, or $skills), the best
//                (level / 5) * reach(s, t) over the mentor's skills s, where reach is
//                $skillDecay ^ steps * product of RELATED_TO weights along a path of at most 2
//                steps from s to t (RELATED_TO either way, LEADS_TO forwards only; 1 when s = t),
//                weighted by the target's priority, (6 - priority) / 5; summed over targets.
//   employer     how many employers both worked at with overlapping stints (until null = today).
//   availability free capacity / mentorCapacity, free = mentorCapacity - ACTIVE MENTORS out-edges.
//   acceptance, completion, rating   the mentor's track record (rules/track_record, kept by
//                outcomes/refresh_track_records), each in [0, 1], 0.5 for a newcomer.
//   score = round($socialWeight * social + $skillWeight * skills + $employerWeight * employer
//                 + $availabilityWeight * availability + rules/record_worth, 9)
// Bounded work: at most $hubDegreeCap of the mentee's connections are expanded (lowest degree
// first, then key), and none whose degree exceeds $hubDegreeCap: such a hub could add at most
// 1/$hubDegreeCap to any candidate. Skills, exactly but lazily (threshold algorithm): only the
// mentors who can teach the targets themselves are scanned ("strong" skills). A mentor's skills
// are read through CAN_TEACH {level}, the copy of HAS_SKILL that only mentors have
// (docs/data.md), so a popular skill's many non-mentor holders are never touched. Every
// candidate gets a lower bound (strong skills only) and an upper bound (plus, per target, the
// best any other skill could add, another wish on the way to it included), both summed while
// the candidates are gathered; the (first + 1)-th best lower bound is a floor under the page,
// and only the candidates whose upper bound reaches it have their own skills read for the exact
// score. What only ranks (free capacity, availability, the track record: rules/standing, a few
// property reads and a degree each) is left out of both bounds, which it can raise by 0 to the
// sum of its weights: the floor is taken from the candidates in the order of their lower bound
// without it, each one's standing read as it is taken, and the other candidates' standing is
// read only where their upper bound plus that sum reaches the floor (docs/ranking.md has what
// that saves). The mentors of weak skills (one or two steps from a target) are scanned only
// when the page is not full with scores above the most a weak-only candidate can score
// ($skillWeight * sum over targets of the best weak worth + $availabilityWeight + the most a
// track record can add).
// The answers are those of the full scan; the skills signal is summed over targets in priority
// order (then key), so raw signals are deterministic to the last bit.
// Exclusions (absolute): rules/suggestible_mentor (the mentee, ACTIVE mentors of the mentee,
// PENDING requests either way, not openToMentor, heldFromMatching, not visible to the mentee:
// BLOCKED either way, PRIVATE, CONNECTIONS without a KNOWS) and no free capacity
// (rules/free_capacity, read through rules/standing). The social signal walks only through
// people the mentee may see (rules/visible_to) and its degrees count only connections the
// mentee may see
// (rules/visible_degree; rules/capped_degree where only degrees within the cap count): a hidden person neither counts, nor weighs, nor appears as evidence.
// A candidate needs a positive social, skills or employer contribution; availability only ranks.
// Parameters:
//   $menteeKey; $socialWeight (2.0), $skillWeight (1.0), $employerWeight (0.5),
//   $availabilityWeight (0.2), $acceptanceWeight, $completionWeight, $ratingWeight (0.3 each),
//   $thirdHopDecay (0.0 = off), $skillDecay (0.5),
//   $hubDegreeCap (300); filters: $skills (list of skill keys or null: the targets instead of
//   the mentee's wishes; a match must then have skills > 0), $outsideMyEmployer (false: when
//   true, no mentor with a current stint at an employer where the mentee currently works),
//   $language (null or a language the mentor speaks), $minScore (0.0); $programme (null, or a
//   programme key: only its MENTOR members not yet paired with the mentee in it, rules/
//   programme_mentor, with its capacity for free capacity and availability, rules/
//   match_free_capacity and match_capacity);
//   $first (rows wanted; the statement returns up to $first + 1 so the caller knows if there is
//   more); a keyset page (graph.pages.Window) over ORDER BY score DESC, key ASC: forwards,
//   $after (null or {score, key}), the rows strictly after it, best first; backwards, $before
//   (null or {score, key}), the rows strictly before it, nearest it (worst) first.
// Backwards mirrors the pruning: the (first + 1)-th lowest upper bound among candidates sure
// to be kept and before the cursor is a ceiling over the page, and only candidates whose lower
// bound is under it (and whose upper bound reaches the cursor) are scored exactly; the weak
// tier is scanned unless the most it can score is under the cursor.
// Returns one row: found (the mentee exists), matches (list of maps in rank order: key,
//   mentor (the mentor's properties), score, social, skills, employer, availability,
//   acceptance, completion, rating (raw signals), shares (map of each signal's share of the score), freeCapacity,
//   mutualConnections (up to 3 people's properties, among the connections the social signal
//   expanded, lowest degree first), skillPaths (per matched target: {target,
//   skill, level, strength, skills: the path's skills' properties in order,
//   steps: [{from, to, relation, weight}]}), sharedEmployers (the employers' properties)).
//   Every node the page names comes with its properties, so a page needs no second lookup.
// Indexes: person_key, skill_key, mentorship_request_state.
OPTIONAL MATCH (me:Person {key: $menteeKey})
CALL (me) {
  WITH me WHERE me IS NOT NULL
  CALL (me) {
    OPTIONAL MATCH (me)-[w:WORKS_AT]->(e:Employer)
    WITH collect({employer: e, since: coalesce(w.since, date('1900-01-01')),
                  until: coalesce(w.until, date())}) AS stints,
         collect(CASE WHEN w.until IS NULL OR w.until >= date() THEN e END) AS currentEmployers
    RETURN [s IN stints WHERE s.employer IS NOT NULL] AS stints, currentEmployers
  }
  CALL (me) {
    CALL (me) {
      UNWIND coalesce($skills, []) AS skillKey
      MATCH (t:Skill {key: skillKey})
      OPTIONAL MATCH (me)-[w:WANTS_TO_LEARN]->(t)
      RETURN t, w
      UNION
      MATCH (me)-[w:WANTS_TO_LEARN]->(t:Skill)
      WHERE $skills IS NULL
      RETURN t, w
    }
    // Each target with every way to it through the skill graph (rules/skill_ways): the reach
    // below and the page's skill paths (rules/skill_evidence) are read from them.
    RETURN collect({skill: t, weight: (6 - coalesce(w.priority, 1)) / 5.0,
                    ways: {{skill_ways(t)}}}) AS targets
  }
  // What each skill within two steps of a target is worth towards it (priority * reach, the
  // reach of its strongest way there). Strong skills (the targets themselves, reach 1) have
  // their holders scanned; weak ones (a step or two away) only when the page is not full above
  // what they could give.
  CALL (targets) {
    UNWIND targets AS target
    WITH target, target.skill AS t, target.weight AS priority
    WHERE $skillWeight > 0 OR $skills IS NOT NULL
    UNWIND target.ways AS route
    WITH route.skill AS s, t, priority, max(route.reach) AS reach
    RETURN collect({skill: s, target: t, priority: priority, reach: reach,
                    worth: priority * reach}) AS reach
  }
  WITH me, stints, currentEmployers, targets, reach,
       [x IN reach WHERE x.skill = x.target | x.skill] AS strongSkills
  // Per target, the most any other skill is worth towards it (another wish on the way to it
  // counts: a strong skill is weak towards the other targets), and the most a weak skill is.
  // Each strong skill (a target itself) goes with its priority and the first of these.
  CALL (reach, strongSkills) {
    UNWIND reach AS x
    WITH x.target AS t, x.priority AS priority,
         max(CASE WHEN x.skill = x.target THEN 0.0 ELSE x.worth END) AS otherMost,
         max(CASE WHEN x.skill IN strongSkills THEN 0.0 ELSE x.worth END) AS weakMost
    RETURN sum(otherMost) AS otherWorth, sum(weakMost) AS weakWorth,
           collect({skill: t, priority: priority, otherMost: otherMost}) AS strongTargets
  }
  WITH me, stints, currentEmployers, targets, reach, strongTargets,
       otherWorth, weakWorth, [x IN reach WHERE NOT x.skill IN strongSkills] AS weak,
       // The most what only ranks (rules/standing's part) can add: every weight is >= 0, and
       // availability and every track record value are at most 1.
       $availabilityWeight + $acceptanceWeight + $completionWeight + $ratingWeight AS standingMost
  // The most a candidate found only through weak skills can score.
  WITH me, stints, currentEmployers, targets, reach, strongTargets, otherWorth, weak,
       standingMost, $skillWeight * coalesce(weakWorth, 0.0) + standingMost AS unseenBound

  // Gather candidates: one row per (candidate, reason), summed per candidate. Every branch
  // yields only people open to mentoring (skills through CAN_TEACH, which only mentors have),
  // and every candidate found is listed, for the weak tier below to leave out. The social
  // signal walks only through people the mentee may see, and divides by the connections of
  // theirs the mentee may see (visible_degree), so no hidden person moves a score.
  CALL (me, strongTargets, stints) {
    // Whom the mentee sees for knowing them, listed once: the social walks ask visible_to of
    // everyone two steps away, as visible_given (rules/seen_connections).
    WITH me, strongTargets, stints, {{seen_connections(me)}} AS seen
    CALL (me, seen, strongTargets, stints) {
      // One walk gives both each connection's visible degree (visible_degree's count) and its
      // mentors: every person two steps away is checked once (visible_to, asked as
      // visible_given; open to mentoring), not once per walk that reaches them.
      MATCH (me)-[:KNOWS]-(z)
      WHERE $socialWeight > 0 AND {{visible_to(me, z)}}
      MATCH (z)-[:KNOWS]-(x:Person)
      WITH me, x, collect(z) AS zs
      WITH x, zs, {{visible_given(me, x, seen)}} AS shown,
           x.openToMentor = true AND x <> me AS mentor
      UNWIND zs AS z
      WITH z, sum(CASE WHEN shown THEN 1 ELSE 0 END) AS degree,
           collect(CASE WHEN mentor THEN x END) AS mentors
      ORDER BY degree, z.key
      LIMIT $hubDegreeCap
      WITH z, degree, mentors WHERE degree <= $hubDegreeCap
      UNWIND mentors AS m
      RETURN m, 1.0 / degree AS social, 0.0 AS strong, 0.0 AS gain,
             {person: z, degree: degree} AS via, null AS employer
      UNION ALL
      MATCH (me)-[:KNOWS]-(z)
      WHERE $socialWeight > 0 AND $thirdHopDecay > 0 AND {{visible_to(me, z)}}
      WITH z, {{capped_degree(me, z, seen)}} AS degree
      ORDER BY degree, z.key
      LIMIT $hubDegreeCap
      WITH z, degree WHERE degree <= $hubDegreeCap
      MATCH (z)-[:KNOWS]-(y:Person)
      WHERE y <> me AND {{visible_given(me, y, seen)}}
      WITH y, sum(1.0 / degree) AS resource
      WITH y, resource, {{capped_degree(me, y, seen)}} AS degree
      WHERE degree <= $hubDegreeCap
      MATCH (y)-[:KNOWS]-(m)
      WHERE m.openToMentor = true AND m <> me
      RETURN m, $thirdHopDecay * resource / degree AS social, 0.0 AS strong, 0.0 AS gain,
             null AS via, null AS employer
      UNION ALL
      // Holders of the strong skills, each skill scanned once: the value of a held target
      // (the lower bound's part), and what it adds over the best other skill (the upper's).
      UNWIND strongTargets AS target
      WITH target, target.skill AS s
      MATCH (m)-[h:CAN_TEACH]->(s)
      WHERE m <> me
      WITH m, target, target.priority * coalesce(h.level, 1) / 5.0 AS value
      RETURN m, 0.0 AS social, value AS strong,
             CASE WHEN value > target.otherMost THEN value - target.otherMost ELSE 0.0 END AS gain,
             null AS via, null AS employer
      UNION ALL
      // Former colleagues: stints at the same employer whose dates overlap.
      UNWIND stints AS mine
      WITH mine, mine.employer AS e
      WHERE $employerWeight > 0
      MATCH (e)<-[theirs:WORKS_AT]-(m)
      WHERE coalesce(theirs.since, date('1900-01-01')) <= mine.until
        AND mine.since <= coalesce(theirs.until, date())
        AND m.openToMentor = true AND m <> me
      RETURN m, 0.0 AS social, 0.0 AS strong, 0.0 AS gain, null AS via, e AS employer
    }
    WITH m, sum(social) AS social, sum(strong) AS strong, sum(gain) AS gain,
         collect(via) AS vias, collect(DISTINCT employer) AS employers
    RETURN collect({m: m, social: social, strong: strong, gain: gain, vias: vias,
                    employers: employers}) AS found
  }
  CALL (me, currentEmployers, otherWorth, found) {
    UNWIND found AS c
    WITH c.m AS m, c.social AS social, c.strong AS strong, c.gain AS gain, c.vias AS vias,
         c.employers AS employers
    // The filters. The exclusions (suggestible_mentor) cost a few relationship checks each, so
    // they are applied below to the candidates in rank order, until the floor and the page
    // are full, rather than to every candidate.
    WHERE {{programme_mentor(me, m)}}
      AND ($language IS NULL OR $language IN coalesce(m.languages, []))
      AND (NOT $outsideMyEmployer OR NOT EXISTS {
            MATCH (m)-[theirs:WORKS_AT]->(e:Employer)
            WHERE e IN currentEmployers AND (theirs.until IS NULL OR theirs.until >= date()) })
    // The skills signal from the strong skills alone is a lower bound; per target, the best
    // other skill bounds what the others can add: sum over targets of max(strong value, most
    // other worth). What only ranks (rules/standing: free capacity, availability, the track
    // record) is left out of both bounds here, to be read only for the candidates that may
    // reach the page: it adds between 0 and standingMost.
    WITH m, social, strong, coalesce(otherWorth, 0.0) + gain AS most, vias, employers,
         toFloat(size(employers)) AS employer
    RETURN collect({m: m, social: social, strong: strong, vias: vias,
                    employers: employers, employer: employer, socialPart: $socialWeight * social,
                    employerPart: $employerWeight * employer,
                    earnedLow: $socialWeight * social + $skillWeight * strong
                               + $employerWeight * employer,
                    earnedHigh: $socialWeight * social + $skillWeight * most
                                + $employerWeight * employer})
           AS qualified
  }
  // A floor under the page's last score: the (first + 1)-th best lower bound among candidates
  // sure to be kept (positive without weak skills, above $minScore, after the cursor, with a
  // free slot). Backwards, a ceiling over the page's farthest score: the (first + 1)-th lowest
  // upper bound (read into `low`, so both readings return `floor`) among candidates sure to be
  // kept and before the cursor. The candidates are taken in the order of their bound without
  // what only ranks; each one's standing is read, its bound made whole and the conditions
  // checked again, then the exclusions, openToMentor included (though every source yields
  // mentors only, an absolute exclusion must not rest on CAN_TEACH alone being in step), only
  // until the floor is found. Any first + 1 such candidates give a floor; these give a close one.
  CALL (me, qualified, standingMost) {
    UNWIND qualified AS c
    WITH c
    WHERE c.earnedLow > 0
      AND ($skills IS NULL OR c.strong > 0)
      AND c.earnedLow + standingMost - 0.000001 >= $minScore
      AND {{($after IS NULL OR c.earnedHigh + 0.000001 < $after.score)|($before IS NULL OR c.earnedLow + standingMost - 0.000001 > $before.score)}}
    WITH c.m AS m, c.earnedLow AS earnedLow, c.earnedHigh AS earnedHigh
    ORDER BY {{earnedLow DESC|earnedHigh}}
    WITH collect({m: m, earnedLow: earnedLow, earnedHigh: earnedHigh}) AS ordered
    UNWIND ordered AS c
    WITH c.m AS m, c
    WITH m, c, {{standing(m)}} AS standing
    WHERE standing IS NOT NULL
    WITH m, c.earnedLow + standing.part AS low, c.earnedHigh + standing.part AS high
    WHERE low - 0.000001 >= $minScore
      AND {{($after IS NULL OR high + 0.000001 < $after.score)|($before IS NULL OR low - 0.000001 > $before.score)}}
      AND {{suggestible_mentor(me, m)}}
    WITH {{low|high AS low}}
    LIMIT $first + 1
    RETURN CASE count(*) WHEN $first + 1 THEN {{min(low) - 0.000001|max(low) + 0.000001}} END AS floor
  }
  // Exact scores for the candidates that may reach the floor (backwards, that may be under the
  // ceiling and reach the cursor): their standing, then, if they still may, their own skills,
  // all tiers; then the exclusions, in rank order, until the page is full.
  CALL (me, reach, qualified, floor, standingMost) {
    UNWIND qualified AS c
    WITH c WHERE {{floor IS NULL OR c.earnedHigh + standingMost + 0.000001 >= floor|(floor IS NULL OR c.earnedLow - 0.000001 <= floor)
      AND ($before IS NULL OR c.earnedHigh + standingMost + 0.000001 >= $before.score)}}
    WITH c, c.m AS m
    WITH c, {{standing(m)}} AS standing
    WHERE standing IS NOT NULL
    WITH c {.*, free: standing.free, availability: standing.availability,
            record: standing.record, rankingPart: standing.part} AS c
    WITH c WHERE {{floor IS NULL OR c.earnedHigh + c.rankingPart + 0.000001 >= floor|(floor IS NULL OR c.earnedLow + c.rankingPart - 0.000001 <= floor)
      AND ($before IS NULL OR c.earnedHigh + c.rankingPart + 0.000001 >= $before.score)}}
    CALL (c, reach) {
      WITH c.m AS m, reach WHERE size(reach) > 0
      MATCH (m)-[h:CAN_TEACH]->(s)
      UNWIND [x IN reach WHERE x.skill = s] AS x
      WITH x.target AS t, x.priority AS priority, max(coalesce(h.level, 1) / 5.0 * x.reach) AS best
      ORDER BY priority DESC, t.key
      RETURN coalesce(sum(priority * best), 0.0) AS skills
    }
    WITH c, skills, $skillWeight * skills AS skillPart
    WITH c, skills, c.socialPart + skillPart + c.employerPart + c.rankingPart AS total,
         c.socialPart + skillPart + c.employerPart AS earned
    WITH c, skills, total, earned, round(total, 9) AS score
    WHERE earned > 0
      AND ($skills IS NULL OR skills > 0)
      AND score >= $minScore
      AND {{($after IS NULL OR score < $after.score
           OR (score = $after.score AND c.m.key > $after.key))|($before IS NULL OR score > $before.score
           OR (score = $before.score AND c.m.key < $before.key))}}
    WITH c, skills, total, score
    ORDER BY score{{ DESC|}}, c.m.key{{| DESC}}
    WITH collect(c {.*, skills: skills, total: total, score: score}) AS ranked
    UNWIND ranked AS c
    WITH c, c.m AS m
    WHERE {{suggestible_mentor(me, m)}}
    WITH c
    LIMIT $first + 1
    RETURN collect(c) AS page
  }
  // Candidates reached only through weak skills score at most unseenBound: they are looked
  // for only when the page is not full above that (backwards, when that reaches the cursor).
  CALL (me, currentEmployers, reach, weak, unseenBound, found, page) {
    WITH me, currentEmployers, reach, weak, found
    WHERE $skillWeight > 0 AND size(weak) > 0 AND unseenBound + 0.000001 >= $minScore
      AND {{NOT (size(page) = $first + 1 AND page[-1].score > unseenBound + 0.000001)|($before IS NULL OR unseenBound + 0.000001 >= $before.score)}}
    CALL (me, weak, found) {
      UNWIND found AS c
      RETURN c.m AS m, null AS skill, 1 AS seen
      UNION ALL
      UNWIND weak AS x
      WITH DISTINCT x.skill AS s
      MATCH (m)-[h:CAN_TEACH]->(s)
      WHERE m <> me
      RETURN m, {skill: s, level: coalesce(h.level, 1)} AS skill, 0 AS seen
    }
    WITH me, currentEmployers, reach, m, max(seen) AS seen, collect(skill) AS held
    WHERE seen = 0
      AND {{suggestible_mentor(me, m)}}
      AND {{programme_mentor(me, m)}}
      AND ($language IS NULL OR $language IN coalesce(m.languages, []))
      AND (NOT $outsideMyEmployer OR NOT EXISTS {
            MATCH (m)-[theirs:WORKS_AT]->(e:Employer)
            WHERE e IN currentEmployers AND (theirs.until IS NULL OR theirs.until >= date()) })
    // They hold no strong skill, so the weak ones give their whole skills signal.
    CALL (held, reach) {
      UNWIND held AS h
      UNWIND [x IN reach WHERE x.skill = h.skill] AS x
      WITH x.target AS t, x.priority AS priority, max(h.level / 5.0 * x.reach) AS best
      ORDER BY priority DESC, t.key
      RETURN coalesce(sum(priority * best), 0.0) AS skills
    }
    WITH m, skills WHERE $skillWeight * skills > 0
    WITH m, skills, {{standing(m)}} AS standing
    WHERE standing IS NOT NULL
    WITH m, standing.free AS free, skills, standing.availability AS availability,
         standing.record AS record, $skillWeight * skills + standing.part AS total
    WITH m, free, skills, availability, record, total, round(total, 9) AS score
    WHERE score >= $minScore
      AND {{($after IS NULL OR score < $after.score
           OR (score = $after.score AND m.key > $after.key))|($before IS NULL OR score > $before.score
           OR (score = $before.score AND m.key < $before.key))}}
    WITH m, free, skills, availability, record, total, score
    ORDER BY score{{ DESC|}}, m.key{{| DESC}}
    LIMIT $first + 1
    RETURN collect({m: m, free: free, social: 0.0, skills: skills, vias: [], employers: [],
                    employer: 0.0, availability: availability, record: record, total: total,
                    score: score}) AS more
  }
  // Collected again before the last sort: an aggregation starts fresh rows, whereas a WITH
  // leaves the candidate lists (found, qualified) in every row, and the sort holds its rows
  // (1.5 GB at 1M, beyond a 4g heap's transaction memory for a page of 50).
  UNWIND page + coalesce(more, []) AS c
  WITH targets, collect(c) AS rows
  UNWIND rows AS c
  WITH targets, c, c.m AS m
  ORDER BY c.score{{ DESC|}}, m.key{{| DESC}}
  LIMIT $first + 1
  WITH targets, m, c.free AS free, c.social AS social, c.skills AS skills,
       c.employer AS employer, c.availability AS availability, c.record AS record,
       c.vias AS vias, c.employers AS employers, c.total AS total, c.score AS score,
       $socialWeight * c.social AS socialPart, $skillWeight * c.skills AS skillPart,
       $employerWeight * c.employer AS employerPart,
       $availabilityWeight * c.availability AS availabilityPart

  // Evidence for the page only. Mutual connections are those the social signal expanded
  // (all visible to the mentee); skill paths from rules/skill_evidence, as stored pages read them.
  CALL (vias) {
    UNWIND vias AS via
    WITH via.person AS z, via.degree AS degree
    ORDER BY degree, z.key
    LIMIT 3
    RETURN collect(z { .* }) AS mutualConnections
  }
  WITH m, free, social, skills, employer, availability, record, employers, total, score,
       socialPart, skillPart, employerPart, availabilityPart, mutualConnections,
       {{skill_evidence(m, targets)}} AS skillPaths
  RETURN collect({
    key: m.key, mentor: m { .* }, score: score,
    social: social, skills: skills, employer: employer, availability: availability,
    acceptance: record.acceptance, completion: record.completion, rating: record.rating,
    shares: {{shares(total, socialPart, skillPart, employerPart, availabilityPart, record)}},
    freeCapacity: free, mutualConnections: mutualConnections, skillPaths: skillPaths,
    sharedEmployers: [e IN employers | e { .* }]
  }) AS matches
}
RETURN me IS NOT NULL AS found, matches
