// Reads a page of a mentee's mentor matches from their stored candidates (the top
// graph.ranking.stored_pages.KEEP of ranking/mentor_matches for the default weights, no filters,
// written by ranking/store_match_page), in the live statement's row shape, so that a served
// page and a live one are mapped alike (graph.ranking.matches).
// Freshness: the page is served only when its candidates were stored at the page's current
// version (ranking/invalidate_match_pages bumps it) and the global epoch
// (ranking/bump_match_page_epoch), less than $maxAge seconds ago.
// Exact at read time: every candidate served passes the ranking's own exclusions again
// (rules/suggestible_mentor, rules/free_capacity > 0), and the filters $minScore, $language,
// $outsideMyEmployer (checked in rank order, only until $first + 1 pass); the mentor, every
// mutual connection (kept only when visible_to the mentee now), shared employer and skill
// (rules/skill_evidence) come with their current properties; freeCapacity is the current
// one. Scores and signals are those stored. Without $evidence (the caller's selection asks
// for none: api.lookahead), mutualConnections, skillPaths and sharedEmployers are null and not
// read.
// Served: the stored list holds every row the live statement could return there: it was
// complete (fewer than KEEP candidates existed), or forwards, the page is full ($first + 1
// rows) or the list's last score is under $minScore, or backwards, $before lies within it.
// Never served when torn: a store of the page committed during the read (below). Otherwise the
// caller reads the live statement.
// Parameters: $menteeKey; $maxAge (seconds); $skillDecay (the default weights'); $evidence
//   (bool: read each match's evidence); filters
//   $language, $outsideMyEmployer, $minScore; $first; a keyset page over ORDER BY score DESC,
//   key ASC as ranking/mentor_matches: forwards $after, backwards $before (null or
//   {score, key}).
// Returns one row: found (the mentee exists), fresh (the stored page may be served), served
//   (matches is the page the live statement would return), pageId, version, epoch (the token a
//   refresh stores under: null pageId when no page exists), matches (as ranking/mentor_matches).
// Indexes: person_key, match_page_epoch_name, employer_key.
OPTIONAL MATCH (me:Person {key: $menteeKey})
OPTIONAL MATCH (me)<-[:PAGE_OF]-(page:MatchPage)
OPTIONAL MATCH (epoch:MatchPageEpoch {name: 'global'})
// The page's state is read at once, as a map, before its candidates; and each candidate's
// properties at once too. Neo4j reads at read-committed isolation: a store of the same page
// that commits during this read replaces the candidates under it, so the read may see some
// of the old list and some of the new, or a candidate it matched read as nothing. A read is
// whole only when it saw the page's candidateCount candidates, each of the page's
// generation; a torn one is never served (`served` below): the caller reads live.
WITH me, page, page { .* } AS state, coalesce(epoch.value, 0) AS epoch
WITH me, page, state, epoch,
     coalesce(state.storedVersion = state.version AND state.epoch = epoch
              AND state.generation IS NOT NULL
              AND state.computedAt >= datetime() - duration({seconds: $maxAge}), false) AS fresh
CALL (page, fresh) {
  WITH page WHERE fresh
  MATCH (page)-[stored:CANDIDATE]->(m:Person)
  WITH stored { .* } AS c, m
  ORDER BY c.rank{{| DESC}}
  RETURN collect({c: c, m: m}) AS candidates
}
WITH me, state, epoch, fresh, candidates,
     coalesce(size(candidates) <> state.candidateCount, true)
       OR any(candidate IN candidates WHERE coalesce(candidate.c.generation <> state.generation, true))
       AS torn
CALL (me, fresh, candidates) {
  WITH me, candidates WHERE fresh
  CALL (me) {
    OPTIONAL MATCH (me)-[w:WORKS_AT]->(e:Employer)
    WHERE w.until IS NULL OR w.until >= date()
    RETURN collect(e) AS currentEmployers
  }
  CALL (me) {
    OPTIONAL MATCH (me)-[w:WANTS_TO_LEARN]->(t:Skill)
    // No targets without $evidence: skill_evidence then reads nothing. (In a CASE, as the
    // other parts, Neo4j 5.26 takes the rule's inner collect() for this WITH's own.)
    WITH t WHERE t IS NOT NULL AND $evidence
    RETURN collect({skill: t, ways: {{skill_ways(t)}}}) AS targets
  }
  // The exclusions cost a few relationship checks each: they are checked in rank order, only
  // until the page is full (collected first, so that the planner cannot filter before sorting).
  UNWIND candidates AS candidate
  WITH me, currentEmployers, targets, candidate.c AS c, candidate.m AS m
  WHERE c.score >= $minScore
    AND {{($after IS NULL OR c.score < $after.score
         OR (c.score = $after.score AND m.key > $after.key))|($before IS NULL OR c.score > $before.score
         OR (c.score = $before.score AND m.key < $before.key))}}
    AND {{suggestible_mentor(me, m)}}
    AND ($language IS NULL OR $language IN coalesce(m.languages, []))
    AND (NOT $outsideMyEmployer OR NOT EXISTS {
          MATCH (m)-[theirs:WORKS_AT]->(e:Employer)
          WHERE e IN currentEmployers AND (theirs.until IS NULL OR theirs.until >= date()) })
  WITH me, targets, c, m, {{free_capacity(m)}} AS free
  WHERE free > 0
  LIMIT $first + 1
  WITH c, m, free,
       CASE WHEN $evidence THEN COLLECT {
         UNWIND c.vias AS viaKey
         MATCH (z:Person {key: viaKey})
         WHERE {{visible_to(me, z)}}
         RETURN z { .* }
       } END AS mutualConnections,
       CASE WHEN $evidence THEN COLLECT {
         UNWIND c.employers AS employerKey
         MATCH (e:Employer {key: employerKey})
         RETURN e { .* }
       } END AS sharedEmployers,
       {{skill_evidence(m, targets)}} AS skillPaths
  ORDER BY c.rank{{| DESC}}
  RETURN collect({
    key: m.key, mentor: m { .* }, score: c.score,
    social: c.social, skills: c.skills, employer: c.employer, availability: c.availability,
    acceptance: c.acceptance, completion: c.completion, rating: c.rating,
    shares: {social: c.socialShare, skills: c.skillsShare, employer: c.employerShare,
             availability: c.availabilityShare, acceptance: c.acceptanceShare,
             completion: c.completionShare, rating: c.ratingShare},
    freeCapacity: free, mutualConnections: mutualConnections,
    skillPaths: CASE WHEN $evidence THEN skillPaths END,
    sharedEmployers: sharedEmployers
  }) AS matches
}
// A mentor deleted after the exclusions read reads as nothing too: such a read is not served.
RETURN me IS NOT NULL AS found, fresh,
       fresh AND NOT torn AND none(match IN matches WHERE match.key IS NULL)
         AND (state.complete
              OR {{size(matches) > $first OR state.lastScore < $minScore|($before IS NOT NULL
                  AND ($before.score > state.lastScore
                       OR ($before.score = state.lastScore AND $before.key <= state.lastKey)))}})
         AS served,
       state.id AS pageId, state.version AS version, epoch, matches
