// Moves a programme to $state. Closing it ends its ACTIVE mentorships (ENDED, from when
// each side may leave feedback) and cancels its open proposals.
// Parameters: $programme (key), $state ('OPEN' or 'CLOSED').
// Returns: programme (map of properties, with admin: true and role: null for the caller to
//   fill in), ended (mentorships ended or proposals cancelled).
// Indexes: programme_key.
MATCH (p:Programme {key: $programme})
SET p.state = $state
WITH p
CALL (p) {
  OPTIONAL MATCH (p)<-[:IN]-(x:ProgrammeMentorship)
  WHERE $state = 'CLOSED' AND x.state IN ['PROPOSED', 'ACTIVE']
  SET x.state = CASE x.state WHEN 'ACTIVE' THEN 'ENDED' ELSE 'CANCELLED' END,
      x.endedAt = datetime()
  RETURN count(x) AS ended
}
RETURN p { .*, admin: true, role: null } AS programme, ended
