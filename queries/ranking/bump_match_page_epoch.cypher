// Marks every stored match page stale at once: the global epoch moves on, and a page is fresh
// only when stamped with the current one. For a change whose reach is past the fan-out.
// Parameters: none.
// Returns: epoch (the new one).
// Indexes: match_page_epoch_name.
MERGE (epoch:MatchPageEpoch {name: 'global'})
ON CREATE SET epoch.value = 0
SET epoch.value = epoch.value + 1
RETURN epoch.value AS epoch
