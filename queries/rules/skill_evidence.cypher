// Rule: the skill paths that explain `mentor`'s skills signal towards `targets` (a list of
// {skill, weight} maps, the mentee's wishes or the skills filter): per target, the mentor's
// strongest way to it (level / 5 * $skillDecay ^ steps * RELATED_TO weights, at most 2 steps,
// RELATED_TO either way, LEADS_TO forwards; then fewer steps, then the skill's key), strongest
// first, then by target. Each path: {target, skill, level, strength, steps: [{from, to,
// relation, weight}], skills: the path's skills' properties in order}.
// The live ranking and the stored pages (ranking/stored_matches) read it from here, so a
// served page explains a match as the live one does.
// The subquery's own variables start with `evidence`: a statement must not have one in scope.
// Arguments: mentor (a Person), targets (a list of maps).
// Parameters: $skillDecay.
COLLECT {
  UNWIND {{targets}} AS evidenceTarget
  WITH evidenceTarget.skill AS evidenceGoal
  MATCH ({{mentor}})-[evidenceHeld:CAN_TEACH]->(evidenceSkill:Skill)
  MATCH evidencePath = (evidenceSkill)
        ((evidenceA:Skill)-[evidenceStep:RELATED_TO|LEADS_TO]-(evidenceB:Skill)
          WHERE type(evidenceStep) = 'RELATED_TO' OR startNode(evidenceStep) = evidenceA){0,2}
        (evidenceGoal)
  WITH evidenceGoal, evidenceSkill, evidenceHeld, evidenceStep,
       nodes(evidencePath) AS evidenceNodes,
       coalesce(evidenceHeld.level, 1) / 5.0 * reduce(f = 1.0, rel IN evidenceStep |
           f * $skillDecay *
           CASE type(rel) WHEN 'RELATED_TO' THEN coalesce(rel.weight, 1.0) ELSE 1.0 END)
       AS evidenceStrength
  ORDER BY evidenceStrength DESC, size(evidenceStep), evidenceSkill.key
  WITH evidenceGoal, collect({
    target: evidenceGoal.key, skill: evidenceSkill.key, level: evidenceHeld.level,
    strength: evidenceStrength, path: evidenceNodes,
    steps: [i IN range(0, size(evidenceStep) - 1) | {
      from: evidenceNodes[i].key, to: evidenceNodes[i + 1].key,
      relation: type(evidenceStep[i]), weight: evidenceStep[i].weight}]
  })[0] AS evidenceBest
  ORDER BY evidenceBest.strength DESC, evidenceBest.target
  RETURN evidenceBest { .target, .skill, .level, .strength, .steps,
                        skills: [n IN evidenceBest.path | n { .* }] }
}
