// Rule: may `viewer` see `programme`? Its admins and members always; anyone a PUBLIC one.
// (The programmes model owns this rule; cohort assignment reads it until they meet.)
// Arguments: viewer (a Person or null), programme (a Programme).
EXISTS { ({{viewer}})-[:ADMINISTERS|MENTORS_IN|MENTEE_IN]->({{programme}}) }
OR {{programme}}.visibility = 'PUBLIC'
