// Rule: how many more mentees `mentor` takes: mentorCapacity less their ACTIVE mentorships
// (an integer, at most 0 when full). The degree (one db hit) first: most people mentor nobody.
// The subquery names its own variable `mentorship`: a statement must not have one in scope.
// Arguments: mentor (a Person).
coalesce({{mentor}}.mentorCapacity, 0) - CASE COUNT { ({{mentor}})-[:MENTORS]->() } WHEN 0 THEN 0
  ELSE COUNT { ({{mentor}})-[mentorship:MENTORS]->() WHERE mentorship.status = 'ACTIVE' } END
