// Rule: may the caller of a request see `person`? Admins see everyone; everyone else as the
// member `viewer` (visible_to). `viewer` is the caller's Person, matched from $viewer.
// Arguments: viewer (the caller's Person, or null), person (a Person).
// Parameters: $admin (bool: the caller is an admin).
$admin OR {{visible_to(viewer, person)}}
