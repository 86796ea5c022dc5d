// Stores a mentee's candidates (the top KEEP rows of ranking/mentor_matches, default weights,
// no filters) in their page, stamped with the token read before they were computed
// (ranking/claim_match_page or ranking/stored_matches): the page is fresh only while its
// version and the global epoch still equal the token's, so candidates computed from a read
// that began before an invalidation are stored stale, never fresh. Nothing is stored when the
// page is gone or is another one (expired and made again). Each candidate keeps its rank,
// score, raw signals, shares, up to 3 mutual connections' keys and the shared employers' keys;
// ranking/stored_matches reads the rest as it stands. The page's generation (new at each store)
// and candidateCount, stamped on the page and its generation on each candidate, let a read
// tell a list it saw whole from one a concurrent store tore (ranking/stored_matches). Then
// expires up to $sweep pages not touched for $expireAfter seconds (the store's bound,
// docs/ranking.md).
// Parameters: $menteeKey, $pageId, $version, $epoch (the token); $complete (fewer than KEEP
//   existed); $lastScore, $lastKey (the last candidate's, or null); $candidates (list of
//   {key, score, vias, employers, and each signal of graph/ranking/signals.SIGNAL_NAMES and its
//   share as <name>Share}, in rank order); $expireAfter, $sweep.
// Returns: stored (1 when the page took the candidates, else 0).
// Indexes: person_key, match_page_touched.
OPTIONAL MATCH (:Person {key: $menteeKey})<-[:PAGE_OF]-(page:MatchPage {id: $pageId})
CALL (page) {
  WITH page WHERE page IS NOT NULL
  SET page.storedVersion = $version, page.epoch = $epoch, page.computedAt = datetime(),
      page.touchedAt = datetime(), page.complete = $complete, page.lastScore = $lastScore,
      page.lastKey = $lastKey, page.generation = randomUUID()
  WITH page
  CALL (page) {
    MATCH (page)-[old:CANDIDATE]->()
    DELETE old
  }
  CALL (page) {
    UNWIND range(0, size($candidates) - 1) AS rank
    WITH rank, $candidates[rank] AS c
    MATCH (m:Person {key: c.key})
    CREATE (page)-[candidate:CANDIDATE]->(m)
    SET candidate = c, candidate.rank = rank, candidate.generation = page.generation
    REMOVE candidate.key
  }
  SET page.candidateCount = COUNT { (page)-[:CANDIDATE]->() }
}
CALL () {
  MATCH (old:MatchPage)
  WHERE old.touchedAt < datetime() - duration({seconds: $expireAfter})
  WITH old LIMIT $sweep
  DETACH DELETE old
}
RETURN count(page) AS stored
