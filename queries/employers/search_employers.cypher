// A page of employers by key, optionally filtered by a name substring.
// Parameters: $search (case-insensitive substring or null); a keyset page
//   (graph.pages.Window): forwards, $after (key or null), the rows after it; backwards,
//   $before (key or null), the rows before it, nearest first; $limit (page size + 1).
// Returns: employer (map of properties), ordered by key (backwards: descending).
// Indexes: employer_key.
MATCH (e:Employer)
WHERE {{e.key > coalesce($after, '')|($before IS NULL OR e.key < $before)}}
  AND ($search IS NULL OR toLower(e.name) CONTAINS toLower($search))
RETURN e { .* } AS employer
ORDER BY e.key{{| DESC}}
LIMIT $limit
