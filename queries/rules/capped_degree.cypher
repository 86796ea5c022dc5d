// Rule: rules/visible_degree as far as the hub cap needs it: exact up to $hubDegreeCap, and
// $hubDegreeCap + 1 for any degree above it, so a hub's count stops at the cap instead of
// walking all its connections. For statements that keep only people of a degree within the
// cap and order the rest after them (the social walks' expansion); where degrees above the
// cap are still told apart (the order of mutual connections shown), visible_degree.
// The subquery names its own variable `known`: a statement must not have one in scope.
// Arguments: viewer (a Person), person (a Person), seen (the viewer's seen_connections).
// Parameters: $hubDegreeCap.
COUNT {
  MATCH ({{person}})-[:KNOWS]-(known:Person)
  WHERE {{visible_given(viewer, known, seen)}}
  RETURN known
  LIMIT $hubDegreeCap + 1
}
