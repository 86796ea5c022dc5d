// Plain CREATE of the rows of load/merge_people for people created in the same
// transaction (loaders' fast path) and the benchmark baseline; not idempotent by itself.
// Parameters: $rows, each {key, name, headline, location, languages, openToMentor,
//   seekingMentor, mentorCapacity, visibility}.
// Returns: key, id (element id), one row per person created.
// Indexes: none (fails on a key that exists: person_key).
UNWIND $rows AS row
CREATE (p:Person)
SET p = row
RETURN p.key AS key, elementId(p) AS id
