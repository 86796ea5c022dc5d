// Employers by key, in the order given; null where there is no such employer.
// Parameters: $keys (employer keys).
// Returns: key, employer (map of properties or null).
// Indexes: employer_key.
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (e:Employer {key: $keys[i]})
RETURN $keys[i] AS key, e { .* } AS employer
ORDER BY i
