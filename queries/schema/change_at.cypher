// The change log is read oldest first (events/lock_changes orders by `at`, then `id`).
// Parameters: none. Returns: nothing.
CREATE RANGE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at)
