// Every person has one stable, unique key (e.g. "fb-107", "p-0000042").
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (p:Person) REQUIRE p.key IS UNIQUE
