// Mentees with a stored match page that a change can affect, by bounded traversals from what
// changed (graph.ranking.page_invalidation says which sources each kind of change reads, and
// docs/ranking.md why). Only people with a page are returned: pages exist only for mentees who
// asked for their matches lately, so most of what a traversal reaches is passed over.
// Sources (each a list of keys, empty for none):
//   $own        these people's own pages;
//   $adjacent   the pages of their connections;
//   $near       the pages of people within two connections of them (a middle person's
//               degree, or a mentor reached through a mutual connection);
//   $listing    the pages that list them as a candidate;
//   $colleagues the pages of people who worked where they worked;
//   $teachers   the pages of people who want a skill their skills reach within 2 steps;
//   $skills     the pages of people who want a skill these skills reach within 2 steps.
// Reach within 2 steps is the ranking's: RELATED_TO either way, LEADS_TO forwards.
// Parameters: the sources above, $limit.
// Returns: one row per mentee: mentee (key), at most $limit.
// Indexes: person_key, skill_key.
CALL () {
  UNWIND $own AS key
  MATCH (x:Person {key: key})<-[:PAGE_OF]-(:MatchPage)
  RETURN x
  UNION
  UNWIND $adjacent AS key
  MATCH (:Person {key: key})-[:KNOWS]-(x:Person)<-[:PAGE_OF]-(:MatchPage)
  RETURN x
  UNION
  UNWIND $near AS key
  MATCH (:Person {key: key})-[:KNOWS*1..2]-(x:Person)<-[:PAGE_OF]-(:MatchPage)
  RETURN x
  UNION
  UNWIND $listing AS key
  MATCH (:Person {key: key})<-[:CANDIDATE]-(:MatchPage)-[:PAGE_OF]->(x:Person)
  RETURN x
  UNION
  UNWIND $colleagues AS key
  MATCH (:Person {key: key})-[:WORKS_AT]->(:Employer)<-[:WORKS_AT]-(x:Person)
        <-[:PAGE_OF]-(:MatchPage)
  RETURN x
  UNION
  CALL () {
    UNWIND $teachers AS key
    MATCH (:Person {key: key})-[:HAS_SKILL]->(s:Skill)
    RETURN s
    UNION
    UNWIND $skills AS key
    MATCH (s:Skill {key: key})
    RETURN s
  }
  MATCH (s)
        ((a:Skill)-[r:RELATED_TO|LEADS_TO]-(b:Skill)
          WHERE type(r) = 'RELATED_TO' OR startNode(r) = a){0,2}
        (:Skill)<-[:WANTS_TO_LEARN]-(x:Person)<-[:PAGE_OF]-(:MatchPage)
  RETURN DISTINCT x
}
RETURN DISTINCT x.key AS mentee
LIMIT $limit
