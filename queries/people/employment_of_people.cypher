// Employment histories of several people, newest first.
// Parameters: $keys (person keys).
// Returns: key, employment (list of {employer map, title, since, until}), in key order.
// Indexes: person_key.
UNWIND range(0, size($keys) - 1) AS i
OPTIONAL MATCH (p:Person {key: $keys[i]})
CALL (p) {
  OPTIONAL MATCH (p)-[w:WORKS_AT]->(e:Employer)
  WITH w, e ORDER BY w.since DESC
  RETURN collect(CASE WHEN e IS NULL THEN null ELSE
    {employer: e { .* }, title: w.title, since: w.since, until: w.until} END) AS employment
}
RETURN $keys[i] AS key, employment
ORDER BY i
