// Skills by key, in the order given; null where there is no such skill.
// Parameters: $keys (skill keys).
// Returns: key, skill (map of properties or null).
// Indexes: skill_key.
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (s:Skill {key: $keys[i]})
RETURN $keys[i] AS key, s { .* } AS skill
ORDER BY i
