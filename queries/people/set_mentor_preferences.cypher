// Sets whether a person mentors, how many mentees at once, and their topics.
// Parameters: $key, $openToMentor (bool), $capacity (int), $topics (skill keys or null:
//   unchanged).
// Returns: person (map of properties), no row when there is no such person.
MATCH (p:Person {key: $key})
SET p.openToMentor = $openToMentor, p.mentorCapacity = $capacity,
    p.mentorTopics = coalesce($topics, p.mentorTopics)
RETURN p { .* } AS person
