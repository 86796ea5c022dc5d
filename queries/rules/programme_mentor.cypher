// Rule: may `mentor` be ranked for `mentee` inside the programme $programme? Always when
// $programme is null (matching across the whole graph); else only a MENTOR member of it
// with no proposed or active pairing with `mentee` in it. The subqueries name their own
// variables (`programmeRole`, `programmePairing`): a statement must not have them in scope.
// Arguments: mentee (a Person), mentor (a Person).
// Parameters: $programme (a programme key, or null).
$programme IS NULL
OR (EXISTS { ({{mentor}})-[programmeRole:MEMBER_OF {role: 'MENTOR'}]->(:Programme {key: $programme}) }
    AND NOT EXISTS {
      (:Programme {key: $programme})<-[:IN]-(programmePairing:ProgrammeMentorship)-[:MENTOR]->({{mentor}})
      WHERE programmePairing.state IN ['PROPOSED', 'ACTIVE']
        AND EXISTS { (programmePairing)-[:MENTEE]->({{mentee}}) } })
