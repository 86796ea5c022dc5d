// A page of skills by key, optionally filtered by a name substring.
// Parameters: $search (case-insensitive substring or null), $after (last key or null),
//   $limit (page size + 1).
// Returns: skill (map of properties), ordered by key.
// Indexes: skill_key.
MATCH (s:Skill)
WHERE s.key > coalesce($after, '')
  AND ($search IS NULL OR toLower(s.name) CONTAINS toLower($search))
RETURN s { .* } AS skill
ORDER BY s.key
LIMIT $limit
