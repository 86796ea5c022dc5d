// Every MatchEvent has one stable, unique key.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT match_event_key IF NOT EXISTS FOR (n:MatchEvent) REQUIRE n.key IS UNIQUE
