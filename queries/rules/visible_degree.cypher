// Rule: how many connections of `person` `viewer` may see (visible_to, asked as
// visible_given): the degree that social signals divide by, so a hidden person's
// connections move no score or count.
// The subquery names its own variable `known`: a statement must not have one in scope.
// Arguments: viewer (a Person), person (a Person), seen (the viewer's seen_connections).
COUNT { ({{person}})-[:KNOWS]-(known:Person) WHERE {{visible_given(viewer, known, seen)}} }
