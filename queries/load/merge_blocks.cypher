// Records that one person blocked another (fixtures, loaders).
// Parameters: $rows, each {person, blocked}.
// Returns: count. Indexes: person_key.
UNWIND $rows AS row
MATCH (p:Person {key: row.person})
MATCH (b:Person {key: row.blocked})
MERGE (p)-[x:BLOCKED]->(b)
ON CREATE SET x.at = datetime()
SET p:InBlock, b:InBlock
RETURN count(*) AS count
