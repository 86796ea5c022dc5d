// Expression: the employment history of `person`, newest first, as a list of {employer
// (map), title, since, until}; empty for a null person. Written once for
// people/employment_of_people and the screens (rules/profile). Its subquery names its own
// variables `stint` and `stintEmployer`: a statement must not have them in scope.
// Arguments: person (a Person, or null).
COLLECT {
  MATCH ({{person}})-[stint:WORKS_AT]->(stintEmployer:Employer)
  RETURN {employer: stintEmployer { .* }, title: stint.title, since: stint.since,
          until: stint.until}
    ORDER BY stint.since DESC
}
