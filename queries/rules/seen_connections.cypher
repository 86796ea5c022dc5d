// Rule: the connections of `viewer` that seen_as_connection lets them see (CONNECTIONS
// people they know, nobody in a block with them), as a list. A statement that asks
// visible_to of many people for one viewer lists them once and asks visible_given instead:
// knowing a person is then looked up in the list, not in the viewer's relationships, which
// would cost an Expand(Into) for each person asked about.
// The subquery names its own variable `seenConnection`: a statement must not have one in
// scope.
// Arguments: viewer (a Person, or null: the empty list).
COLLECT {
  MATCH ({{viewer}})-[:KNOWS]-(seenConnection:Person)
  WHERE {{seen_as_connection(viewer, seenConnection)}}
  RETURN seenConnection
}
