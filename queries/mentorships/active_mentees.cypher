// How many mentees a mentor has now, and how many they take.
// Parameters: $mentor (key).
// Returns: active, capacity, openToMentor.
MATCH (m:Person {key: $mentor})
RETURN COUNT { (m)-[:MENTORS {status: 'ACTIVE'}]->() } AS active,
       coalesce(m.mentorCapacity, 0) AS capacity, coalesce(m.openToMentor, false) AS openToMentor
