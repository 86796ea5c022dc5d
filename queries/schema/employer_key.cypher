// Every Employer has one stable, unique key.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT employer_key IF NOT EXISTS FOR (n:Employer) REQUIRE n.key IS UNIQUE
