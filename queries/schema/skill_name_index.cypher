// Looks skills up by name (search, loaders).
// Parameters: none. Returns: nothing.
CREATE INDEX skill_name IF NOT EXISTS FOR (s:Skill) ON (s.name)
