// Finds mentorship requests by state (expiry sweep, funnel explorations).
// Parameters: none. Returns: nothing.
CREATE INDEX mentorship_request_state IF NOT EXISTS FOR (r:MentorshipRequest) ON (r.state)
