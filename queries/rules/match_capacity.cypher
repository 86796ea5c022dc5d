// Rule: how many mentees `mentor` takes where the ranking looks: mentorCapacity across the
// graph ($programme null), or the capacity they joined the programme $programme with.
// The subquery names its own variable `programmeRole`: a statement must not have one in scope.
// Arguments: mentor (a Person).
// Parameters: $programme (a programme key, or null).
CASE WHEN $programme IS NULL THEN {{mentor}}.mentorCapacity
ELSE coalesce(head(COLLECT { MATCH ({{mentor}})-[programmeRole:MEMBER_OF {role: 'MENTOR'}]->(:Programme {key: $programme})
                             RETURN programmeRole.capacity }), 0) END
