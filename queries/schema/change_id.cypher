// Every Change (a record of the change log) has one unique id, so trimming and failing a
// change find it by index.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE
