// People you may know: friends of friends not yet connected, ranked by mutual connections.
// score = round($socialWeight * social + $employerWeight * employer + $schoolWeight * school
//               + $skillWeight * skills, 9), where
//   social   resource allocation: sum of 1/degree(z) over connections z shared with the person
//            (same hub cap as mentor matches: at most $hubDegreeCap connections expanded,
//            lowest degree first, none whose degree exceeds $hubDegreeCap); like the ranking's,
//            only through people the person may see (rules/visible_to), and degree counts
//            only connections they may see (rules/visible_degree, counted only as far as the
//            cap needs by rules/capped_degree);
//   employer sum of 1/(people who worked there) over employers both worked at;
//   school   sum of 1/(people who studied there) over schools both attended;
//   skills   sum of 1/(people who have it) over skills both have.
// Candidates are friends of friends only; the other signals only re-rank them.
// Exclusions: the person, existing connections, pending connection requests either way,
// heldFromMatching, and anyone the person may not see (rules/visible_to: BLOCKED either way,
// PRIVATE, and CONNECTIONS, since these people are not connections). Hidden people are
// neither expanded, nor counted, nor shown as mutual connections.
// Parameters: $personKey; $socialWeight (1.0), $employerWeight (0.0), $schoolWeight (0.0),
//   $skillWeight (0.0), $hubDegreeCap (300); $only (a person's key, or null: that person's
//   suggestion alone, scored as in the whole list, for `node(id:)`); $first; a keyset page (graph.pages.Window) over
//   ORDER BY score DESC, key ASC, returning up to $first + 1 rows: forwards, $after (null or
//   {score, key}), the rows after it; backwards, $before (null or {score, key}), the rows
//   before it, nearest first.
// Returns one row: found, suggestions (list of maps: person (the person's properties),
//   score, social, mutualCount (every mutual connection the person may see, so it equals
//   the length of `mutualConnections(with:)`), mutualConnections (up to 3 of them, their
//   properties, lowest degree first)).
// Indexes: person_key.
OPTIONAL MATCH (me:Person {key: $personKey})
// Whom the person sees for knowing them, listed once for the visible degrees (docs/privacy.md).
WITH me, {{seen_connections(me)}} AS seen
CALL (me, seen) {
  WITH me WHERE me IS NOT NULL
  CALL (me) {
    MATCH (me)-[:WORKS_AT]->(e:Employer)
    WITH DISTINCT e
    RETURN collect({place: e, weight: 1.0 / COUNT { (e)<-[:WORKS_AT]-() }}) AS myEmployers
  }
  CALL (me) {
    MATCH (me)-[:STUDIED_AT]->(s:School)
    WITH DISTINCT s
    RETURN collect({place: s, weight: 1.0 / COUNT { (s)<-[:STUDIED_AT]-() }}) AS mySchools
  }
  CALL (me) {
    MATCH (me)-[:HAS_SKILL]->(s:Skill)
    RETURN collect({place: s, weight: 1.0 / COUNT { (s)<-[:HAS_SKILL]-() }}) AS mySkills
  }
  MATCH (me)-[:KNOWS]-(z:Person)
  WHERE {{visible_to(me, z)}}
  WITH me, myEmployers, mySchools, mySkills, z, {{capped_degree(me, z, seen)}} AS degree
  ORDER BY degree, z.key
  LIMIT $hubDegreeCap
  WITH me, myEmployers, mySchools, mySkills, z, degree
  WHERE degree <= $hubDegreeCap
  MATCH (z)-[:KNOWS]-(c:Person)
  WHERE c <> me
  WITH me, myEmployers, mySchools, mySkills, c, sum(1.0 / degree) AS social
  WHERE ($only IS NULL OR c.key = $only)
    AND {{visible_to(me, c)}}
    AND coalesce(c.heldFromMatching, false) = false
    AND NOT EXISTS { (me)-[:KNOWS]-(c) }
    AND NOT EXISTS { (me)-[:REQUESTED_CONNECTION]-(c) }
  CALL (c, myEmployers, mySchools, mySkills) {
    WITH c, CASE WHEN $employerWeight > 0 THEN myEmployers ELSE [] END AS places
    OPTIONAL MATCH (c)-[:WORKS_AT]->(e:Employer)
    WITH DISTINCT places, e
    RETURN sum(reduce(w = 0.0, p IN places | w + CASE WHEN p.place = e THEN p.weight ELSE 0.0 END))
           AS employer
  }
  CALL (c, mySchools) {
    WITH c, CASE WHEN $schoolWeight > 0 THEN mySchools ELSE [] END AS places
    OPTIONAL MATCH (c)-[:STUDIED_AT]->(s:School)
    WITH DISTINCT places, s
    RETURN sum(reduce(w = 0.0, p IN places | w + CASE WHEN p.place = s THEN p.weight ELSE 0.0 END))
           AS school
  }
  CALL (c, mySkills) {
    WITH c, CASE WHEN $skillWeight > 0 THEN mySkills ELSE [] END AS places
    OPTIONAL MATCH (c)-[:HAS_SKILL]->(s:Skill)
    RETURN sum(reduce(w = 0.0, p IN places | w + CASE WHEN p.place = s THEN p.weight ELSE 0.0 END))
           AS skills
  }
  WITH me, c, social,
       round($socialWeight * social + $employerWeight * employer + $schoolWeight * school
             + $skillWeight * skills, 9) AS score
  WHERE score > 0
    AND {{($after IS NULL OR score < $after.score
         OR (score = $after.score AND c.key > $after.key))|($before IS NULL OR score > $before.score
         OR (score = $before.score AND c.key < $before.key))}}
  ORDER BY score{{ DESC|}}, c.key{{| DESC}}
  LIMIT $first + 1
  CALL (me, seen, c) {
    MATCH (c)-[:KNOWS]-(z:Person)-[:KNOWS]-(me)
    WHERE {{visible_to(me, z)}}
    WITH DISTINCT z
    WITH z, {{visible_degree(me, z, seen)}} AS degree
    ORDER BY degree, z.key
    WITH collect(z { .* }) AS mutual
    RETURN size(mutual) AS mutualCount, mutual[0..3] AS mutualConnections
  }
  RETURN collect({
    person: c { .* }, score: score, social: social,
    mutualCount: mutualCount, mutualConnections: mutualConnections
  }) AS suggestions
}
RETURN me IS NOT NULL AS found, suggestions
