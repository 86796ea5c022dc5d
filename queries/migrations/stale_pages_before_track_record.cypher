// Match pages stored before the track record signals (rules/track_record) lack them: they
// are deleted once, and each mentee's page is made again at their next read (idempotent).
// Parameters: none. Returns: nothing.
MATCH (page:MatchPage)
CALL (page) {
  DETACH DELETE page
} IN TRANSACTIONS OF 1000 ROWS
