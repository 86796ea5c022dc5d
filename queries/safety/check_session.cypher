// An operation's session check (api.session): whether the caller's key belonged to a deleted
// account (its tombstone exists), and the caller's own person with nothing nested
// (rules/profile; null before sign-up). Every signed-in operation pays this round trip, so
// a query's `viewer` answers from it: the viewer always sees themself (rules/visible_to).
// Parameters: $key (the caller's key), $hash (graph.tombstones.tombstone_hash of $key).
// Returns: deleted (bool), person (rules/profile map, or null); always one row.
// Indexes: deleted_key_hash, person_key.
OPTIONAL MATCH (p:Person {key: $key})
WITH p, {} AS nothing
RETURN EXISTS { (:DeletedKey {hash: $hash}) } AS deleted, {{profile(p, nothing)}} AS person
