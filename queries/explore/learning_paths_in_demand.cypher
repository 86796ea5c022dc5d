// title: Learning paths most in demand
// description: Chains of one to three LEADS_TO steps from the start of a path (a skill nothing
//   leads to) to a skill people want to learn. `wanting` counts the people who want the goal;
//   `ready` counts those of them who already hold the path's first skill.
// param: minWanting int = 1 — leave out goals fewer people want
// returns: path, goal, steps, wanting, ready
// indexes: skill_key
MATCH path = (start:Skill)-[:LEADS_TO]->{1,3}(goal:Skill)
WHERE NOT EXISTS { (:Skill)-[:LEADS_TO]->(start) }
WITH path, start, goal, COUNT { (:Person)-[:WANTS_TO_LEARN]->(goal) } AS wanting
WHERE wanting >= $minWanting
RETURN [s IN nodes(path) | s.key] AS path, goal.key AS goal, length(path) AS steps, wanting,
       COUNT { MATCH (p:Person)-[:WANTS_TO_LEARN]->(goal) WHERE (p)-[:HAS_SKILL]->(start) } AS ready
ORDER BY wanting DESC, ready DESC, steps, path
