// Every Skill has one stable, unique key.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT skill_key IF NOT EXISTS FOR (n:Skill) REQUIRE n.key IS UNIQUE
