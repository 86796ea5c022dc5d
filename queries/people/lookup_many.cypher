// People, skills and employers by key in one round trip (what a page of matches names),
// people only where the viewer may see them.
// Parameters: $people, $skills, $employers (lists of keys), $viewer (key or null), $admin.
// Returns: people (list of person maps), skills (list of skill maps), employers (list of
//   employer maps); missing or hidden keys are left out.
// Indexes: person_key, skill_key, employer_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
RETURN
  COLLECT {
    UNWIND $people AS key
    MATCH (p:Person {key: key})
    WHERE {{visible_to_caller(viewer, p)}}
    RETURN p { .* }
  } AS people,
  COLLECT { UNWIND $skills AS key MATCH (s:Skill {key: key}) RETURN s { .* } } AS skills,
  COLLECT { UNWIND $employers AS key MATCH (e:Employer {key: key}) RETURN e { .* } } AS employers
