// Updates the given profile fields of a person (null values are left unchanged).
// Parameters: $key, $props (map of the fields to set).
// Returns: person (map of properties), no row when there is no such person.
MATCH (p:Person {key: $key})
SET p += $props
RETURN p { .* } AS person
