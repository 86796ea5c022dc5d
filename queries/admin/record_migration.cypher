// Records that a data migration has run, after it committed (bookkeeping: the stats,
// the content hash and `admin/count_nodes` leave Migration nodes out).
// Parameters: $name. Returns: nothing.
MERGE (:Migration {name: $name})
