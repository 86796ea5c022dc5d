// Deletes a person and everything about them, and retires their key: a tombstone
// (:DeletedKey {hash}) takes the person's place in the reports they filed or that name
// them, so no report and no hold is shed; their name is removed from the reports they
// resolved. Their requests (pending ones are thereby withdrawn), match events and all
// their relationships (skills, goals, connections, employment, mentorships, blocks,
// programmes) go, and so do the keys programmes keep as values.
// Afterwards no property anywhere equals or contains the key.
// Parameters: $key, $hash (graph.tombstones.tombstone_hash of $key).
// Returns: deleted (0 or 1); nothing is written when there is no such person.
// Indexes: person_key, deleted_key_hash.
OPTIONAL MATCH (p:Person {key: $key})
CALL (p) {
  WITH p WHERE p IS NOT NULL
  MERGE (t:DeletedKey {hash: $hash})
  ON CREATE SET t.deletedAt = datetime()
  WITH p, t
  CALL (p, t) {
    MATCH (p)-[f:FILED]->(r:Report)
    CREATE (t)-[:FILED]->(r)
    DELETE f
  }
  CALL (p, t) {
    MATCH (r:Report)-[a:ABOUT]->(p)
    CREATE (r)-[:ABOUT]->(t)
    DELETE a
  }
  CALL (p) {
    MATCH (r:Report {resolvedBy: p.key})
    REMOVE r.resolvedBy
  }
  // Programmes keep keys as values: a draft's pairs and unmatched mentees, who drew a draft
  // or proposed a pairing, who left feedback, logged a check-in or completed a step. A draft loses the pairs
  // with them (a mentee whose mentor left is unmatched again); feedback and check-ins still
  // count, by the tombstone's hash, so a programme's figures do not move.
  CALL (p) {
    MATCH (d:CohortDraft)-[:PAIRS]->(x:DraftPair)
    WHERE p.key IN [x.mentee, x.mentor]
    SET d.totalScore = coalesce(d.totalScore, 0.0) - coalesce(x.score, 0.0),
        d.unmatched = coalesce(d.unmatched, []) + [k IN [x.mentee] WHERE k <> p.key]
    DETACH DELETE x
  }
  CALL (p) {
    MATCH (d:CohortDraft)
    WHERE p.key IN d.unmatched OR d.createdBy = p.key
    SET d.unmatched = [k IN d.unmatched WHERE k <> p.key],
        d.createdBy = CASE WHEN d.createdBy <> p.key THEN d.createdBy END
  }
  CALL (p) {
    MATCH (x:ProgrammeMentorship {proposedBy: p.key})
    REMOVE x.proposedBy
  }
  CALL (p) {
    MATCH (n:Feedback|CheckIn {by: p.key})
    SET n.by = $hash
  }
  CALL (p) {
    MATCH (s:GuidedStep {doneBy: p.key})
    SET s.doneBy = $hash
  }
}
CALL (p) {
  OPTIONAL MATCH (p)-[:REQUESTED|TO]-(r:MentorshipRequest)
  DETACH DELETE r
}
CALL (p) {
  OPTIONAL MATCH (p)--(e:MatchEvent)
  DETACH DELETE e
}
// Stored match pages (graph.ranking.stored_pages): their own goes; those of their connections
// may name them as a mutual connection, so lose those candidates and go stale; and a mentee
// who leaves frees their mentor's slot, which no page traversal can follow once they are gone,
// so every page goes stale (the global epoch, docs/ranking.md).
CALL (p) {
  OPTIONAL MATCH (p)<-[:PAGE_OF]-(own:MatchPage)
  DETACH DELETE own
}
CALL (p) {
  MATCH (p)-[:KNOWS]-(:Person)<-[:PAGE_OF]-(page:MatchPage)-[c:CANDIDATE]->()
  WHERE p.key IN c.vias
  SET page.version = page.version + 1
  DELETE c
}
CALL (p) {
  MATCH (:Person)-[:MENTORS {status: 'ACTIVE'}]->(p)
  WITH count(*) AS mentors WHERE mentors > 0
  MERGE (epoch:MatchPageEpoch {name: 'global'})
  ON CREATE SET epoch.value = 0
  SET epoch.value = epoch.value + 1
}
DETACH DELETE p
RETURN count(p) AS deleted
