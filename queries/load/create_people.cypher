// Plain CREATE of the rows of load/merge_people (benchmark baseline; not idempotent).
// Parameters: $rows, each {key, name, headline, location, languages, openToMentor,
//   seekingMentor, mentorCapacity, visibility}.
// Returns: count. Indexes: none (fails on a key that exists: person_key).
UNWIND $rows AS row
CREATE (p:Person)
SET p = row
RETURN count(*) AS count
