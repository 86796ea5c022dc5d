// Updates the given profile fields of a person (null values are left unchanged).
// Parameters: $key, $props (map of the fields to set).
// Returns: person (map of properties), matchingChanged (bool: visibility, seekingMentor or
//   languages, what matching reads of a profile, changed); no row when there is no such person.
// Indexes: person_key.
MATCH (p:Person {key: $key})
WITH p, [coalesce(p.visibility, 'PUBLIC'), coalesce(p.seekingMentor, false),
         coalesce(p.languages, [])] AS before
SET p += $props
RETURN p { .* } AS person,
       before <> [coalesce(p.visibility, 'PUBLIC'), coalesce(p.seekingMentor, false),
                  coalesce(p.languages, [])] AS matchingChanged
