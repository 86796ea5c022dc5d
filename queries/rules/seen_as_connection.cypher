// Rule: does `viewer` see `person` for knowing them? A CONNECTIONS person their
// connections, unblocked. The part of visible_to that depends on whom the viewer knows; the
// other is seen_openly.
// Arguments: viewer (a Person or null), person (a Person).
{{person}}.visibility = 'CONNECTIONS'
AND EXISTS { ({{viewer}})-[:KNOWS]-({{person}}) }
AND {{unblocked(viewer, person)}}
