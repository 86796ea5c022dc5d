// An operation's session check (api.session): whether the caller's key belonged to a deleted
// account (its tombstone exists), and, when $withPerson, the caller's own person with nothing
// nested (rules/profile) as the visibility rule shows it to them (rules/visible_to_caller:
// themself, always); null before sign-up, or when not asked. Every signed-in operation pays
// this round trip, so a query's `viewer` answers from it; a mutation or subscription does not
// ask for the person (a write could change it).
// Parameters: $viewer (the caller's key), $admin (bool), $hash
//   (graph.tombstones.tombstone_hash of $viewer), $withPerson (bool).
// Returns: deleted (bool), person (rules/profile map, or null); always one row.
// Indexes: deleted_key_hash, person_key.
OPTIONAL MATCH (viewer:Person {key: $viewer})
WHERE $withPerson
WITH CASE WHEN viewer IS NOT NULL AND {{visible_to_caller(viewer, viewer)}} THEN viewer END AS p,
     {} AS nothing
RETURN EXISTS { (:DeletedKey {hash: $hash}) } AS deleted, {{profile(p, nothing)}} AS person
