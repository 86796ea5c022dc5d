// Removes a skill from a person.
// Parameters: $person, $skill (keys).
// Returns: removed (number of relationships deleted: 0 or 1).
MATCH (:Person {key: $person})-[h:HAS_SKILL]->(:Skill {key: $skill})
DELETE h
RETURN count(*) AS removed
