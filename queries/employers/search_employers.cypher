// A page of employers by key, optionally filtered by a name substring.
// Parameters: $search (case-insensitive substring or null), $after (last key or null),
//   $limit (page size + 1).
// Returns: employer (map of properties), ordered by key.
// Indexes: employer_key.
MATCH (e:Employer)
WHERE e.key > coalesce($after, '')
  AND ($search IS NULL OR toLower(e.name) CONTAINS toLower($search))
RETURN e { .* } AS employer
ORDER BY e.key
LIMIT $limit
