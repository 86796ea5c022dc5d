// A person's membership of a programme, as they see the programme.
// Parameters: $programme (key), $person (key).
// Returns: visible (rules/programme_visible_to), role (MEMBER_OF role or null), goals.
// Indexes: programme_key, person_key.
OPTIONAL MATCH (a:Person {key: $person})
OPTIONAL MATCH (p:Programme {key: $programme})
OPTIONAL MATCH (a)-[m:MEMBER_OF]->(p)
RETURN p IS NOT NULL AND {{programme_visible_to(a, p)}} AS visible, m.role AS role,
       coalesce(m.goals, []) AS goals
