// title: Degrees of separation between two people
// description: The fewest connections (KNOWS, either direction) from one person to another,
//   up to eight, and one shortest path between them. No row when they are further apart or
//   a key is unknown; zero degrees from a person to themselves.
// param: from string — the first person's key
// param: to string — the second person's key
// returns: degrees, path
// indexes: person_key
MATCH path = SHORTEST 1 (a:Person {key: $from})-[:KNOWS]-{0,8}(b:Person {key: $to})
RETURN length(path) AS degrees, [p IN nodes(path) | p.key] AS path
