// Every ProgrammeMentorship has one stable, unique key.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT programme_mentorship_key IF NOT EXISTS FOR (n:ProgrammeMentorship) REQUIRE n.key IS UNIQUE
