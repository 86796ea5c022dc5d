// Every Programme has one stable, unique key.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT programme_key IF NOT EXISTS FOR (n:Programme) REQUIRE n.key IS UNIQUE
