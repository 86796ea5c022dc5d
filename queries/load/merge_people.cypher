// Creates or updates people, one batch per transaction (loaders, fixtures).
// Parameters: $rows, each {key, name, headline, location, languages, openToMentor,
//   seekingMentor, mentorCapacity, visibility}.
// Returns: count (rows written). Indexes: person_key.
UNWIND $rows AS row
MERGE (p:Person {key: row.key})
SET p.name = row.name,
    p.headline = row.headline,
    p.location = row.location,
    p.languages = row.languages,
    p.openToMentor = row.openToMentor,
    p.seekingMentor = row.seekingMentor,
    p.mentorCapacity = row.mentorCapacity,
    p.visibility = row.visibility
RETURN count(*) AS count
