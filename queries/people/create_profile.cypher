// Creates a person's profile (sign-up); fails on the key constraint if it exists, and
// creates nothing when the key belonged to a deleted account (its tombstone exists).
// Parameters: $key, $hash (graph.tombstones.tombstone_hash of $key),
//   $props (name, headline, location, languages, visibility).
// Returns: person (map of properties); no row for a deleted account's key.
// Indexes: deleted_key_hash.
OPTIONAL MATCH (t:DeletedKey {hash: $hash})
WITH t WHERE t IS NULL
CREATE (p:Person {key: $key})
SET p += $props,
    p.openToMentor = false, p.seekingMentor = coalesce($props.seekingMentor, false),
    p.mentorCapacity = 0, p.createdAt = datetime()
RETURN p { .* } AS person
