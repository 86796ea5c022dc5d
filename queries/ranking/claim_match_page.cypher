// Gives a mentee a stored match page to fill, before its candidates are computed, so that an
// invalidation that comes while they are computed finds the page and bumps its version
// (the computed candidates are then stored stale). A new page has a fresh random id: a page
// expired and made again is another page, and a token of the old one stores nothing in it.
// The person is locked first, so concurrent claims make one page.
// Parameters: $menteeKey.
// Returns: one row when the person exists: pageId, version, epoch (the token to store under).
// Indexes: person_key, match_page_epoch_name.
MATCH (me:Person {key: $menteeKey})
SET me._pageLock = true
REMOVE me._pageLock
MERGE (me)<-[:PAGE_OF]-(page:MatchPage)
ON CREATE SET page.id = randomUUID(), page.version = 0, page.touchedAt = datetime()
WITH page
OPTIONAL MATCH (epoch:MatchPageEpoch {name: 'global'})
RETURN page.id AS pageId, page.version AS version, coalesce(epoch.value, 0) AS epoch
