// Rule: does `viewer` see `person` whoever the viewer knows? Themself always; else a PUBLIC
// person nobody in a block with them, either way. One of the two parts of visible_to; the
// other, seen_as_connection, is the part that depends on whom the viewer knows. Apart, a
// count of a person's connections the viewer sees can be made from each side where it is
// cheapest (ranking/score_pairs).
// Arguments: viewer (a Person or null), person (a Person).
({{viewer}} IS NOT NULL AND {{viewer}} = {{person}})
OR ((NOT {{viewer}}:InBlock OR NOT EXISTS { ({{viewer}})-[:BLOCKED]-({{person}}) })
    AND {{person}}.visibility = 'PUBLIC')
