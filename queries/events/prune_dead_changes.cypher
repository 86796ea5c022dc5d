// Keeps the dead changes bounded: the newest $keep at most, none older than $maxAgeSeconds.
// Parameters: $keep, $maxAgeSeconds.
// Returns: pruned (count).
MATCH (c:Change)
WHERE c.dead = true
WITH c
ORDER BY c.diedAt DESC, c.id DESC
WITH collect(c) AS dead
UNWIND range(0, size(dead) - 1) AS i
WITH dead[i] AS c, i
WHERE i >= $keep OR c.diedAt < datetime() - duration({seconds: $maxAgeSeconds})
DELETE c
RETURN count(c) AS pruned
