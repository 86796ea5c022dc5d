// Expression: the skills of `person`, strongest first, as a list of {skill (map), level,
// years}; empty for a null person. Written once for skills/skills_of_people and the
// screens (rules/profile). Its subquery names its own variables `heldSkill` and `held`: a
// statement must not have them in scope.
// Arguments: person (a Person, or null).
COLLECT {
  MATCH ({{person}})-[held:HAS_SKILL]->(heldSkill:Skill)
  RETURN {skill: heldSkill { .* }, level: held.level, years: held.years}
    ORDER BY held.level DESC, heldSkill.key
}
