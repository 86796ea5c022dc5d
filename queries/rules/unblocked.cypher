// Rule: is nobody in a block with the other, either way? Part of both halves of visible_to.
// The block is looked for only when the viewer is labelled :InBlock, which every writer of
// a BLOCKED relationship sets on both its ends (docs/model.md): a label check costs nothing,
// where looking for a relationship between two people costs a scan of one's relationships,
// and the rule runs for every person a ranking walks through.
// Arguments: viewer (a Person or null), person (a Person).
NOT {{viewer}}:InBlock OR NOT EXISTS { ({{viewer}})-[:BLOCKED]-({{person}}) }
