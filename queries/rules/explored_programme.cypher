// Rule: does a programme-health exploration (explore/programme_*) look at `programme`? Not a
// DRAFT (its admins' only, and nothing has happened in it yet). With $programme, only that
// one, and only when an analyst may name it (programme_named_to_analysts): a members-only
// programme's key answers no row, as a key that is nobody's, so it cannot be singled out of
// its pool. With $since, only programmes starting on or after that day.
// Arguments: programme (a Programme).
// Parameters: $programme (a programme key, or null), $since (a date, or null).
{{programme}}.state <> 'DRAFT'
AND ($programme IS NULL
     OR ({{programme}}.key = $programme AND {{programme_named_to_analysts(programme)}}))
AND ($since IS NULL OR {{programme}}.startsOn >= $since)
