// Expression: one keyset page of `person`'s connections that `viewer` may see (visible_to),
// by key, each as rules/profile with `parts`: a list of up to `page.limit` person maps;
// null when `page` is null. `page` is {backward, cursor (key or null), limit}
// (graph.pages.Window): forwards, the connections after the cursor; backwards, those
// before it, nearest first. Its subquery names its own variables `connection` and
// `connected`: a statement must not have them in scope.
// Arguments: viewer (the caller's Person, or null), person (a Person), page, parts.
// `page` is a map or null; `parts` is as rules/profile's.
// Parameters: $admin (bool), as rules/visible_to_caller.
CASE WHEN {{page}} IS NOT NULL THEN [connected IN COLLECT {
  MATCH ({{person}})-[:KNOWS]-(connection:Person)
  WHERE ({{page}}.cursor IS NULL
         OR CASE WHEN {{page}}.backward THEN connection.key < {{page}}.cursor
                 ELSE connection.key > {{page}}.cursor END)
    AND {{visible_to_caller(viewer, connection)}}
  RETURN connection
    ORDER BY CASE WHEN {{page}}.backward THEN null ELSE connection.key END, connection.key DESC
}[0..{{page}}.limit] | {{profile(connected, parts)}}] END
