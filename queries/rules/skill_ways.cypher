// Expression: every way to `target` through the skill graph, for rules/skill_evidence: each
// path of at most 2 steps from a skill to `target` (RELATED_TO either way, LEADS_TO forwards;
// the empty path from `target` itself), as {skill (the Skill it starts from), nodes (its
// Skills in order), keys (theirs), reach ($skillDecay ^ steps * the product of its RELATED_TO
// weights), steps: [{from, to, relation, weight}]}. A statement reads it once per target, where the
// evidence of each match on a page looks the mentor's skills up in it: walking the skill graph
// from every skill of every mentor cost most of a stored page's db hits.
// The subquery's own variables start with `way`: a statement must not have one in scope.
// Arguments: target (a Skill).
// Parameters: $skillDecay.
COLLECT {
  MATCH wayPath = (waySkill:Skill)
        ((wayA:Skill)-[wayStep:RELATED_TO|LEADS_TO]-(wayB:Skill)
          WHERE type(wayStep) = 'RELATED_TO' OR startNode(wayStep) = wayA){0,2}
        ({{target}})
  WITH waySkill, wayStep, nodes(wayPath) AS wayNodes
  RETURN {
    skill: waySkill, nodes: wayNodes, keys: [wayNode IN wayNodes | wayNode.key],
    reach: reduce(f = 1.0, rel IN wayStep | f * $skillDecay *
             CASE type(rel) WHEN 'RELATED_TO' THEN coalesce(rel.weight, 1.0) ELSE 1.0 END),
    steps: [i IN range(0, size(wayStep) - 1) | {
      from: wayNodes[i].key, to: wayNodes[i + 1].key,
      relation: type(wayStep[i]), weight: wayStep[i].weight}]
  }
}
