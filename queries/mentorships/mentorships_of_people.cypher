// Active mentorships of several people, as mentor (their mentees) or as mentee, listing
// only the people the viewer may see.
// Parameters: $keys (person keys), $asMentor (bool: true lists mentees, false mentors),
//   $viewer (key or null), $admin (bool).
// Returns: key, people (list of person maps), in key order.
OPTIONAL MATCH (viewer:Person {key: $viewer})
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (p:Person {key: $keys[i]})
CALL (viewer, p) {
  OPTIONAL MATCH (p)-[:MENTORS {status: 'ACTIVE'}]-(o:Person)
  WHERE (($asMentor AND EXISTS { (p)-[:MENTORS {status: 'ACTIVE'}]->(o) })
         OR (NOT $asMentor AND EXISTS { (o)-[:MENTORS {status: 'ACTIVE'}]->(p) }))
    AND {{visible_to_caller(viewer, o)}}
  WITH DISTINCT o ORDER BY o.key
  RETURN collect(o { .* }) AS people
}
RETURN $keys[i] AS key, people
ORDER BY i
