// Makes a person a member of a programme, as MENTOR (with a capacity) or MENTEE (with goals).
// Parameters: $programme (key), $person (key), $role, $capacity (int or null),
//   $goals (skill keys).
// Returns: role, capacity, goals (the membership).
// Indexes: programme_key, person_key.
MATCH (a:Person {key: $person})
MATCH (p:Programme {key: $programme})
CREATE (a)-[m:MEMBER_OF {role: $role, capacity: $capacity, goals: $goals,
                         joinedAt: datetime()}]->(p)
RETURN m.role AS role, m.capacity AS capacity, m.goals AS goals
