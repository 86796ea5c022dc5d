// Rule: how many more mentees `mentor` takes where the ranking looks: free_capacity across the
// graph ($programme null); inside the programme $programme, its capacity (match_capacity)
// less their ACTIVE mentorships in it. The subquery names its own variable
// `programmePairing`: a statement must not have one in scope.
// Arguments: mentor (a Person).
// Parameters: $programme (a programme key, or null).
CASE WHEN $programme IS NULL THEN {{free_capacity(mentor)}}
ELSE {{match_capacity(mentor)}} - COUNT {
  (:Programme {key: $programme})<-[:IN]-(programmePairing:ProgrammeMentorship {state: 'ACTIVE'})
    -[:MENTOR]->({{mentor}}) } END
