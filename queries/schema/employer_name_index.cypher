// Looks employers up by name (search, loaders).
// Parameters: none. Returns: nothing.
CREATE INDEX employer_name IF NOT EXISTS FOR (e:Employer) ON (e.name)
