// A page of skills by key, optionally filtered by a name substring.
// Parameters: $search (case-insensitive substring or null); a keyset page
//   (graph.pages.Window): forwards, $after (key or null), the rows after it; backwards,
//   $before (key or null), the rows before it, nearest first; $limit (page size + 1).
// Returns: skill (map of properties), ordered by key (backwards: descending).
// Indexes: skill_key.
MATCH (s:Skill)
WHERE {{s.key > coalesce($after, '')|($before IS NULL OR s.key < $before)}}
  AND ($search IS NULL OR toLower(s.name) CONTAINS toLower($search))
RETURN s { .* } AS skill
ORDER BY s.key{{| DESC}}
LIMIT $limit
