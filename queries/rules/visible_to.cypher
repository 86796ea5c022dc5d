// Rule: may `viewer` see `person`? The one rule of docs/privacy.md ("Who may see a person"),
// as a member sees: themself always; nobody in a block with the person, either way; a PUBLIC
// person everyone, a CONNECTIONS person their connections, a PRIVATE person nobody else.
// A null `viewer` (an anonymous caller, or a key that is not a person) sees PUBLIC people.
// Every statement that returns, counts or scores people relative to someone applies it.
// The rule is exactly its two parts, seen_openly (themself, PUBLIC) or seen_as_connection
// (CONNECTIONS, by the viewer's connections), both unblocked: a change to who may see whom
// goes into the parts, so that visible_given, which asks the same of a viewer's listed
// seen_connections, cannot drift from it (tests/graph/test_registry.py).
// Arguments: viewer (a Person or null), person (a Person).
{{seen_openly(viewer, person)}} OR {{seen_as_connection(viewer, person)}}
