// Creates a DRAFT programme with its creator as its first admin.
// Parameters: $key (new programme key), $admin (person key), $name, $template,
//   $startsOn, $endsOn (dates), $visibility ('PUBLIC' or 'MEMBERS').
// Returns: programme (map of properties, with admin and role for the creator);
//   no row when $admin is no person.
MATCH (a:Person {key: $admin})
CREATE (a)-[:ADMINS {since: datetime()}]->(p:Programme {
  key: $key, name: $name, template: $template, startsOn: $startsOn, endsOn: $endsOn,
  visibility: $visibility, state: 'DRAFT', createdAt: datetime()
})
RETURN p { .*, admin: true, role: null } AS programme
