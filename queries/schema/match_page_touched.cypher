// Stored match pages by when they were last claimed or stored: expiry finds the old ones.
// Parameters: none. Returns: nothing.
CREATE RANGE INDEX match_page_touched IF NOT EXISTS FOR (n:MatchPage) ON (n.touchedAt)
