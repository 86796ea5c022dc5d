// Takes the write lock on a named event sequence (created at 0 on first use) for the rest of
// the transaction. Transactions that record events queue here, so sequence numbers are handed
// out, and committed, in increasing order: a reader that sees seq N sees every seq below it.
// Parameters: $name. Returns: name.
MERGE (s:EventSequence {name: $name})
  ON CREATE SET s.value = 0
SET s.lockVersion = coalesce(s.lockVersion, 0) + 1
RETURN s.name AS name
