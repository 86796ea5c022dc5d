// title: Degrees of separation between two employers
// description: The fewest connections (KNOWS, either direction) from someone working at one
//   employer now to someone working at the other now, up to eight, and one such chain of
//   people. Zero degrees when one person works at both. A PRIVATE person stands as null in
//   the chain (rules/named_to_analysts).
// param: from string — the first employer's key
// param: to string — the second employer's key
// returns: degrees, people
// indexes: employer_key
MATCH path = SHORTEST 1
  (:Employer {key: $from})<-[w1:WORKS_AT WHERE w1.until IS NULL]-(:Person)
  -[:KNOWS]-{0,8}
  (:Person)-[w2:WORKS_AT WHERE w2.until IS NULL]->(:Employer {key: $to})
WITH nodes(path) AS stops
RETURN size(stops) - 3 AS degrees,
       [p IN stops[1..-1] | CASE WHEN {{named_to_analysts(p)}} THEN p.key END] AS people
