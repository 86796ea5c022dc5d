// Every School has one stable, unique key.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT school_key IF NOT EXISTS FOR (n:School) REQUIRE n.key IS UNIQUE
