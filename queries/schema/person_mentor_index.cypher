// Finds people open to mentoring quickly (ranking, explorations, events).
// Parameters: none. Returns: nothing.
CREATE INDEX person_open_to_mentor IF NOT EXISTS FOR (p:Person) ON (p.openToMentor)
