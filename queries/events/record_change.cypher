// Writes change records (the change log, graph/events/change_log.py) in the transaction of the
// mutation that made them, so a committed write always has its records and a failed one none.
// Each record is its own node: no writer locks anything another writer needs.
// Parameters: $changes (list of {id, kind, payload (JSON text)}).
// Returns: nothing.
// Indexes: change_id (unique).
UNWIND $changes AS change
CREATE (:Change {id: change.id, kind: change.kind, payload: change.payload, at: datetime(),
                 attempts: 0})
