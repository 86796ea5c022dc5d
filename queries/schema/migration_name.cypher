// A data migration (`queries/migrations/`) is recorded by name once it has run.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT migration_name IF NOT EXISTS FOR (m:Migration) REQUIRE m.name IS UNIQUE
