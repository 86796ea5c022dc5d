// Rule: how many connections of `person` `viewer` may see (visible_to, asked as
// visible_given): the degree that social signals divide by, so a hidden person's
// connections move no score or count. Counted only as far as the hub cap needs: exact up to
// $hubDegreeCap, and $hubDegreeCap + 1 for any degree above it (every statement that asks it
// keeps only people of a degree within the cap, and orders the rest after them), so a hub's
// count stops at the cap instead of walking all its connections.
// The subquery names its own variable `known`: a statement must not have one in scope.
// Arguments: viewer (a Person), person (a Person), seen (the viewer's seen_connections).
// Parameters: $hubDegreeCap.
COUNT {
  MATCH ({{person}})-[:KNOWS]-(known:Person)
  WHERE {{visible_given(viewer, known, seen)}}
  RETURN known
  LIMIT $hubDegreeCap + 1
}
