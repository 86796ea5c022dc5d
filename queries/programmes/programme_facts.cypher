// What a cohort-assignment call needs to know about a programme and its caller. The
// programme model (labels, MENTORS_IN, MENTEE_IN, ADMINISTERS) is read only
// here, in cohort_members and in create_proposals: graph/programmes/cohort.py.
// Parameters: $programme (key), $viewer (the caller's person key).
// Returns: one row: found, state, admin (the caller administers it), visible (the caller
//   may see it: rules/visible_programme).
// Indexes: none of ours; the programme's key constraint (the programme model's).
OPTIONAL MATCH (g:Programme {key: $programme})
OPTIONAL MATCH (me:Person {key: $viewer})
WITH g, me,
     g IS NOT NULL AND me IS NOT NULL AND EXISTS { (me)-[:ADMINISTERS]->(g) } AS admin
RETURN g IS NOT NULL AS found, g.state AS state, admin,
       g IS NOT NULL AND {{visible_programme(me, g)}} AS visible
