// title: Degrees of separation between two people
// description: The fewest connections (KNOWS, either direction) from one person to another,
//   up to eight, and one shortest path between them. No row when they are further apart or
//   a key is unknown or PRIVATE (as if unknown); zero degrees from a person to themselves. A
//   PRIVATE person on the way stands as null (rules/named_to_analysts).
// param: from string — the first person's key
// param: to string — the second person's key
// returns: degrees, path
// indexes: person_key
MATCH path = SHORTEST 1 (a:Person {key: $from})-[:KNOWS]-{0,8}(b:Person {key: $to})
WHERE {{named_to_analysts(a)}} AND {{named_to_analysts(b)}}
RETURN length(path) AS degrees,
       [p IN nodes(path) | CASE WHEN {{named_to_analysts(p)}} THEN p.key END] AS path
