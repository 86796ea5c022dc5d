// Marks the stored match pages of these mentees stale: their version moves on, so neither the
// candidates they hold nor any computed before now (stamped with the old version) are served.
// Parameters: $mentees (list of person keys).
// Returns: invalidated (how many pages).
// Indexes: person_key.
UNWIND $mentees AS key
MATCH (:Person {key: key})<-[:PAGE_OF]-(page:MatchPage)
SET page.version = page.version + 1
RETURN count(page) AS invalidated
