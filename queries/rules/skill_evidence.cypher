// Rule: the skill paths that explain `mentor`'s skills signal towards `targets` (a list of
// {skill, ways} maps: the mentee's wishes or the skills filter, each with rules/skill_ways of
// its skill): per target, the mentor's strongest way to it (level / 5 * the way's reach; then
// fewer steps, then the skill's key, then the keys along the way and its relations, so that
// one way is shown wherever the rule runs), strongest first, then by target. Each path: {target,
// skill, level, strength, steps: [{from, to, relation, weight}], skills: the path's skills'
// properties in order}. The mentor's skills are read once and looked up in the ways, which
// the statement read once for the page, so the skill graph is not walked again per match.
// The live ranking and the stored pages (ranking/stored_matches) read it from here, so a
// served page explains a match as the live one does.
// The subquery's own variables start with `evidence`: a statement must not have one in scope.
// Arguments: mentor (a Person), targets (a list of maps).
COLLECT {
  MATCH ({{mentor}})-[evidenceHeld:CAN_TEACH]->(evidenceSkill:Skill)
  WHERE size({{targets}}) > 0
  WITH collect({skill: evidenceSkill, level: evidenceHeld.level}) AS evidenceHolds
  UNWIND {{targets}} AS evidenceTarget
  UNWIND evidenceHolds AS evidenceHold
  UNWIND [evidenceOption IN evidenceTarget.ways
          WHERE evidenceOption.skill = evidenceHold.skill] AS evidenceWay
  WITH evidenceTarget.skill AS evidenceGoal, evidenceHold, evidenceWay,
       coalesce(evidenceHold.level, 1) / 5.0 * evidenceWay.reach AS evidenceStrength
  ORDER BY evidenceStrength DESC, size(evidenceWay.steps), evidenceHold.skill.key,
           evidenceWay.keys, [evidenceStep IN evidenceWay.steps | evidenceStep.relation]
  WITH evidenceGoal, collect({
    target: evidenceGoal.key, skill: evidenceHold.skill.key, level: evidenceHold.level,
    strength: evidenceStrength, path: evidenceWay.nodes, steps: evidenceWay.steps
  })[0] AS evidenceBest
  ORDER BY evidenceBest.strength DESC, evidenceBest.target
  RETURN evidenceBest { .target, .skill, .level, .strength, .steps,
                        skills: [n IN evidenceBest.path | n { .* }] }
}
