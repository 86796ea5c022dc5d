// (mentee, mentor) pairs a new connection between $a and $b can affect: the two themselves,
// either way (CONNECTIONS visibility, a shared employer), and each of them with the other's
// connections, either way (the friend-of-friend paths through the new edge). A side with more
// than $hubDegreeCap connections adds no paths, as in ranking.
// Parameters: $a, $b, $hubDegreeCap, $limit.
// Returns: one row per pair with a mentee seeking a mentor and a mentor open to mentoring:
//   mentee, mentor (keys); at most $limit.
// Indexes: person_key.
MATCH (a:Person {key: $a}), (b:Person {key: $b})
UNWIND [[a, b], [b, a]] AS ends
WITH ends[0] AS z, ends[1] AS o
CALL (z, o) {
  RETURN o AS p, z AS q
  UNION
  MATCH (z)-[:KNOWS]-(y:Person)
  WHERE y <> o AND COUNT { (z)-[:KNOWS]-() } <= $hubDegreeCap
  RETURN o AS p, y AS q
}
UNWIND [[p, q], [q, p]] AS pair
WITH pair[0] AS mentee, pair[1] AS mentor
WHERE mentee.seekingMentor = true AND mentor.openToMentor = true
RETURN DISTINCT mentee.key AS mentee, mentor.key AS mentor
LIMIT $limit
