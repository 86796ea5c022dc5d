// Mentees a mentor's new skill can affect: people seeking a mentor who want that skill or one
// it reaches within 2 steps (RELATED_TO either way, LEADS_TO forwards). Nothing when the
// person does not mentor or lacks the skill.
// Parameters: $mentor, $skill, $limit.
// Returns: one row per mentee: mentee (key), in key order, at most $limit.
// Indexes: person_key, skill_key.
MATCH (m:Person {key: $mentor})-[:HAS_SKILL]->(s:Skill {key: $skill})
WHERE m.openToMentor = true
MATCH (s)
      ((a:Skill)-[r:RELATED_TO|LEADS_TO]-(b:Skill)
        WHERE type(r) = 'RELATED_TO' OR startNode(r) = a){0,2}
      (:Skill)<-[:WANTS_TO_LEARN]-(x:Person)
WHERE x <> m AND x.seekingMentor = true
RETURN DISTINCT x.key AS mentee
ORDER BY mentee
LIMIT $limit
