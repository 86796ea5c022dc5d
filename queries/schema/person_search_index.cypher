// Full-text search over people's names and headlines (Query.people(search:)).
// Parameters: none. Returns: nothing.
CREATE FULLTEXT INDEX person_search IF NOT EXISTS FOR (p:Person) ON EACH [p.name, p.headline]
