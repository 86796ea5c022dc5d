// Rule: may a programme-health exploration show the figures of a row that pools
// `programmes` (a list of Programmes of the template `template`), beyond how many
// programmes and memberships it holds? Always, but for the sensitive template (SUPPORT,
// graph.programmes.templates): its membership says something personal, so its figures show
// only when the row's programmes have at least 5 members (distinct people, either role)
// between them. Below that an analyst who knows one or two of the people in it would read
// their outcomes (docs/privacy.md, "What analysts see"). The subquery names its own
// variables `pooled` and `pooledMember`: a statement must not have them in scope.
// Arguments: template (a template name), programmes (a list of Programmes).
NOT {{template}} IN ['SUPPORT']
OR size(COLLECT {
  UNWIND {{programmes}} AS pooled
  MATCH (pooledMember:Person)-[:MEMBER_OF]->(pooled)
  RETURN DISTINCT pooledMember
}) >= 5
