// Rule: visible_to(viewer, person), for a viewer whose seen_connections are listed in
// `seen`: the same answer for every person, seen openly or on the list.
// Arguments: viewer (a Person), person (a Person), seen (the viewer's seen_connections).
{{seen_openly(viewer, person)}} OR {{person}} IN {{seen}}
