// Rule: may `viewer` see `programme` (and so its membership)? Its admins always; nobody else
// while it is a DRAFT; then anyone signed in when it is PUBLIC, and its members when it is
// MEMBERS (a SUPPORT programme is always MEMBERS) and the people its admins invited to join.
// docs/programmes.md, "Who sees what".
// Members are listed only as the viewer may see each person (visible_to).
// Arguments: viewer (a Person or null), programme (a Programme).
EXISTS { ({{viewer}})-[:ADMINS]->({{programme}}) }
OR ({{programme}}.state <> 'DRAFT'
    AND (({{viewer}} IS NOT NULL AND {{programme}}.visibility = 'PUBLIC')
         OR EXISTS { ({{viewer}})-[:MEMBER_OF|INVITED_TO]->({{programme}}) }))
