// Counts relationships per type.
// Parameters: none.
// Returns: type, count; one row per relationship type, by type.
CALL db.relationshipTypes() YIELD relationshipType AS type
CALL (type) {
  MATCH ()-[r:$(type)]->()
  RETURN count(r) AS count
}
RETURN type, count
ORDER BY type
