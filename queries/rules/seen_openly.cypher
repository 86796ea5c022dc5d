// Rule: does `viewer` see `person` whoever the viewer knows? Themself always; else a PUBLIC
// person, unblocked. One of the two parts of visible_to; the other, seen_as_connection, is
// the part that depends on whom the viewer knows, which visible_given looks up in a list.
// Arguments: viewer (a Person or null), person (a Person).
({{viewer}} IS NOT NULL AND {{viewer}} = {{person}})
OR ({{unblocked(viewer, person)}} AND {{person}}.visibility = 'PUBLIC')
