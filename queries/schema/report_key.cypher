// Every Report has one stable, unique key.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT report_key IF NOT EXISTS FOR (n:Report) REQUIRE n.key IS UNIQUE
