// The shortest learning path between two skills: fewest steps, strongest among equals.
// A step is RELATED_TO (either way) or LEADS_TO (forwards only: the source leads on to the
// target); a path has at most 6 steps. Strength = product of the RELATED_TO weights along it
// (1 for each LEADS_TO); among shortest paths the strongest wins, then the smallest keys.
// Parameters: $fromSkill, $toSkill (skill keys).
// Returns one row: fromFound, toFound (the skills exist), path (null when no path, else
//   {skills: [key, ...], strength, steps: [{from, to, relation, weight}]}).
// Indexes: skill_key.
OPTIONAL MATCH (source:Skill {key: $fromSkill})
OPTIONAL MATCH (target:Skill {key: $toSkill})
CALL (source, target) {
  OPTIONAL MATCH p = ALL SHORTEST (source)
        ((a:Skill)-[r:RELATED_TO|LEADS_TO]-(b:Skill)
          WHERE type(r) = 'RELATED_TO' OR startNode(r) = a){0,6}
        (target)
  WITH p, r, [n IN nodes(p) | n.key] AS skills,
       reduce(f = 1.0, rel IN r | f * coalesce(rel.weight, 1.0)) AS strength
  ORDER BY strength DESC, skills
  LIMIT 1
  RETURN CASE WHEN p IS NULL THEN null ELSE {
    skills: skills, strength: strength,
    steps: [i IN range(0, size(r) - 1) | {
      from: skills[i], to: skills[i + 1], relation: type(r[i]), weight: r[i].weight}]
  } END AS path
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound, path
