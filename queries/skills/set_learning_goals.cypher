// Replaces what a person wants to learn; the list order gives the priority (1 first).
// Parameters: $person (key), $skills (skill keys, all existing).
// Returns: goals (number of goals set); no row when there is no such person.
MATCH (p:Person {key: $person})
CALL (p) {
  OPTIONAL MATCH (p)-[old:WANTS_TO_LEARN]->()
  DELETE old
}
CALL (p) {
  UNWIND range(0, size($skills) - 1) AS i
  MATCH (s:Skill {key: $skills[i]})
  MERGE (p)-[w:WANTS_TO_LEARN]->(s)
  SET w.priority = i + 1
  RETURN count(*) AS goals
}
RETURN goals
