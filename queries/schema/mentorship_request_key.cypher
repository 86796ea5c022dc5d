// Every MentorshipRequest has one stable, unique key.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT mentorship_request_key IF NOT EXISTS FOR (n:MentorshipRequest) REQUIRE n.key IS UNIQUE
