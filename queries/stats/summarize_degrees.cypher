// Summarises people's number of connections (KNOWS, either direction).
// Parameters: none.
// Returns: people, min, max, mean, p50, p90, p99 (one row; nulls on an empty graph).
MATCH (p:Person)
WITH COUNT { (p)-[:KNOWS]-() } AS degree
RETURN count(*) AS people,
       min(degree) AS min,
       max(degree) AS max,
       avg(degree) AS mean,
       percentileDisc(degree, 0.5) AS p50,
       percentileDisc(degree, 0.9) AS p90,
       percentileDisc(degree, 0.99) AS p99
