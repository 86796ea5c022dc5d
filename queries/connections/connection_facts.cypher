// What decides whether $from may ask $to to connect, read in the same transaction.
// Parameters: $from, $to (person keys).
// Returns: target (bool: exists and $from may see them, rules/visible_to: a hidden person
//   answers as one who does not exist), connected, requested (from → to pending), reverse
//   (to → from pending), sentToday (requests $from sent in 24 h).
OPTIONAL MATCH (a:Person {key: $from})
OPTIONAL MATCH (b:Person {key: $to})
RETURN b IS NOT NULL AND {{visible_to(a, b)}} AS target,
       EXISTS { (a)-[:KNOWS]-(b) } AS connected,
       EXISTS { (a)-[:REQUESTED_CONNECTION]->(b) } AS requested,
       EXISTS { (b)-[:REQUESTED_CONNECTION]->(a) } AS reverse,
       COUNT { (a)-[r:REQUESTED_CONNECTION]->() WHERE r.at > datetime() - duration('P1D') }
         AS sentToday
