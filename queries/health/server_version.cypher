// The version of the Neo4j server the driver talks to.
// Parameters: none.
// Returns: version, edition.
CALL dbms.components() YIELD versions, edition
RETURN versions[0] AS version, edition
