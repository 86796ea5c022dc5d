// One global MatchPageEpoch (stored match pages, docs/ranking.md): concurrent first bumps MERGE
// the same node.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT match_page_epoch_name IF NOT EXISTS
FOR (n:MatchPageEpoch) REQUIRE n.name IS UNIQUE
