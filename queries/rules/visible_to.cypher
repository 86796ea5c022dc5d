// Rule: may `viewer` see `person`? The one rule of docs/privacy.md ("Who may see a person"),
// as a member sees: themself always; nobody in a block with the person, either way; a PUBLIC
// person everyone, a CONNECTIONS person their connections, a PRIVATE person nobody else.
// A null `viewer` (an anonymous caller, or a key that is not a person) sees PUBLIC people.
// Every statement that returns, counts or scores people relative to someone applies it.
// The block is looked for only when the viewer is labelled :InBlock, which every writer of
// a BLOCKED relationship sets on both its ends (docs/model.md): a label check costs nothing,
// where looking for a relationship between two people costs a scan of one's relationships,
// and the rule runs for every person a ranking walks through.
// The rule is the two parts below: seen_openly (themself, PUBLIC) and seen_as_connection
// (CONNECTIONS, by the viewer's connections).
// Arguments: viewer (a Person or null), person (a Person).
{{seen_openly(viewer, person)}} OR {{seen_as_connection(viewer, person)}}
