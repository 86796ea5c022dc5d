// Expression: what `person` wants to learn, most wanted first, as a list of {skill (map),
// priority}; empty for a null person. Written once for skills/goals_of_people and the
// screens (rules/profile). Its subquery names its own variables `wantedSkill` and
// `wanted`: a statement must not have them in scope.
// Arguments: person (a Person, or null).
COLLECT {
  MATCH ({{person}})-[wanted:WANTS_TO_LEARN]->(wantedSkill:Skill)
  RETURN {skill: wantedSkill { .* }, priority: wanted.priority}
    ORDER BY wanted.priority, wantedSkill.key
}
