// Creates a person's profile (sign-up); fails on the key constraint if it exists.
// Parameters: $key, $props (name, headline, location, languages, visibility).
// Returns: person (map of properties).
CREATE (p:Person {key: $key})
SET p += $props,
    p.openToMentor = false, p.seekingMentor = coalesce($props.seekingMentor, false),
    p.mentorCapacity = 0, p.createdAt = datetime()
RETURN p { .* } AS person
