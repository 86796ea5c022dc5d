// Every EventSequence (the counter that hands out event cursors) has one unique name, so that
// concurrent first uses of a sequence MERGE the same node.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT event_sequence_name IF NOT EXISTS
FOR (n:EventSequence) REQUIRE n.name IS UNIQUE
