// Creates or updates people, one batch per transaction (loaders, fixtures). Someone no
// longer open to mentoring can teach nothing; a new mentor's CAN_TEACH edges come with the
// skill rows that follow (load/merge_has_skill).
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
WITH p
CALL (p) {
  WITH p WHERE NOT p.openToMentor
  MATCH (p)-[t:CAN_TEACH]->()
  DELETE t
}
RETURN count(*) AS count
