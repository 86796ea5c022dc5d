// A mentee's learning paths: for each wanted skill, the shortest path from a skill they have,
// with mentors for each step they still have to take.
// Targets are the mentee's WANTS_TO_LEARN skills (by priority, then key), or $skills. For each
// target, the path is the shortest (then strongest, then smallest start key) from any skill the
// mentee has, following RELATED_TO either way and LEADS_TO forwards, at most 6 steps; when no
// skill of theirs leads there, the path is the target alone and start is null.
// Mentors for a step can teach the step's skill (CAN_TEACH, as the ranking reads it; highest
// level first, then key) and pass the ranking's absolute exclusions, from the same rules:
// rules/suggestible_mentor and rules/free_capacity.
// Parameters: $menteeKey; $skills (list of skill keys or null); $mentorsPerStep (3).
// Returns one row: found, paths (list of {target (the skill's properties), start (the
//   properties of the skill the path starts from, or null), path: {skills (their properties,
//   in order), strength, steps: [{from, to, relation, weight}]}, steps: [{skill (its
//   properties), mentors (list of people's properties)}]}).
// Indexes: person_key, skill_key.
OPTIONAL MATCH (me:Person {key: $menteeKey})
CALL (me) {
  WITH me WHERE me IS NOT NULL
  CALL (me) {
    UNWIND coalesce($skills, []) AS skillKey
    MATCH (t:Skill {key: skillKey})
    OPTIONAL MATCH (me)-[w:WANTS_TO_LEARN]->(t)
    RETURN t, coalesce(w.priority, 1) AS priority
    UNION
    MATCH (me)-[w:WANTS_TO_LEARN]->(t:Skill)
    WHERE $skills IS NULL
    RETURN t, coalesce(w.priority, 1) AS priority
  }
  CALL (me, t) {
    OPTIONAL MATCH (me)-[:HAS_SKILL]->(k:Skill)
    WHERE k <> t
    OPTIONAL MATCH p = ANY SHORTEST (k)
          ((a:Skill)-[r:RELATED_TO|LEADS_TO]-(b:Skill)
            WHERE type(r) = 'RELATED_TO' OR startNode(r) = a){1,6}
          (t)
    WITH k, p, r, reduce(f = 1.0, rel IN r | f * coalesce(rel.weight, 1.0)) AS strength
    ORDER BY CASE WHEN p IS NULL THEN 1 ELSE 0 END, size(r), strength DESC, k.key
    LIMIT 1
    WITH CASE WHEN p IS NULL THEN null ELSE k { .* } END AS start,
         CASE WHEN p IS NULL THEN [t] ELSE nodes(p) END AS nodes,
         CASE WHEN p IS NULL THEN [] ELSE r END AS rels,
         CASE WHEN p IS NULL THEN 1.0 ELSE strength END AS strength
    RETURN start, [n IN nodes | n { .* }] AS skills, strength,
           [i IN range(0, size(rels) - 1) | {
             from: nodes[i].key, to: nodes[i + 1].key, relation: type(rels[i]),
             weight: rels[i].weight}] AS pathSteps,
           CASE WHEN start IS NULL THEN nodes ELSE tail(nodes) END AS toLearn
  }
  CALL (me, toLearn) {
    UNWIND range(0, size(toLearn) - 1) AS i
    WITH i, toLearn[i] AS skill
    CALL (me, skill) {
      // MATCH, not OPTIONAL MATCH: Neo4j 5.26 drops every row of an OPTIONAL MATCH here
      // whose WHERE holds a COUNT subquery; an empty MATCH still collects [].
      MATCH (m:Person)-[h:CAN_TEACH]->(skill)
      WHERE {{suggestible_mentor(me, m)}} AND {{free_capacity(m)}} > 0
      WITH m, h
      ORDER BY h.level DESC, m.key
      LIMIT $mentorsPerStep
      RETURN collect(m { .* }) AS mentors
    }
    WITH i, skill, mentors
    ORDER BY i
    RETURN collect({skill: skill { .* }, mentors: mentors}) AS steps
  }
  WITH t, priority, start, skills, strength, pathSteps, steps
  ORDER BY priority, t.key
  RETURN collect({
    target: t { .* }, start: start,
    path: {skills: skills, strength: strength, steps: pathSteps}, steps: steps
  }) AS paths
}
RETURN me IS NOT NULL AS found, paths
