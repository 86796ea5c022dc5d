// Whether a key belonged to a deleted account: its tombstone exists.
// Parameters: $hash (graph.tombstones.tombstone_hash of the key).
// Returns: deleted (bool); always one row.
// Indexes: deleted_key_hash.
RETURN EXISTS { (:DeletedKey {hash: $hash}) } AS deleted
