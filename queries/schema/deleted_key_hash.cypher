// Every tombstone of a deleted account holds one unique hash of the retired key.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT deleted_key_hash IF NOT EXISTS FOR (t:DeletedKey) REQUIRE t.hash IS UNIQUE
