// The data migrations already run on this database (`graph.server.migrations`).
// Parameters: none. Returns: name; one row per migration.
MATCH (m:Migration)
RETURN m.name AS name
