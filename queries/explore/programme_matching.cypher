// title: Programme cohorts and matching
// description: Per programme: its members by role, how many of its mentees are matched and
//   how long it took. One of three programme-health explorations, each over one population
//   (here memberships and proposals; programme_activity: mentorships under way;
//   programme_satisfaction: feedback), so each row's figures share their denominator, and all
//   three share the row key (template, programme) to be read side by side. A PUBLIC programme
//   has a row of its own; the members-only programmes of a template (every SUPPORT one) share
//   one whose programme and name are null (rules/programme_named_to_analysts), and a SUPPORT
//   row shows only its counts of programmes and memberships until its programmes have 5
//   members (rules/programme_figures_shown). DRAFT programmes are left out. `mentors`,
//   `places` (their programme capacity) and `mentees` count memberships. A mentee is
//   `matched` when a mentorship of theirs there started (ACTIVE or ENDED) on or after the day
//   they joined; `shareMatched` is matched / mentees. Days to match: from the day a matched
//   mentee joined to the day their first such mentorship started (the day both sides had
//   accepted), median and mean. `proposals` counts every proposal of the programme,
//   `started` those both sides accepted, `declined` those either side declined; days to
//   start: from proposal to start, over the started ones, median and mean. Medians
//   interpolate between the middle two; days are whole UTC days. PRIVATE people count.
// param: programme string = null — only this PUBLIC programme's key (every programme when null)
// param: since date = null — only programmes starting on or after this day (all when null)
// returns: template, programme, name, programmes, mentors, places, mentees, matched,
//   shareMatched, medianDaysToMatch, meanDaysToMatch, proposals, started, declined,
//   medianDaysToStart, meanDaysToStart
// indexes: none (scans programmes)
MATCH (p:Programme)
WHERE {{explored_programme(p)}}
WITH p.template AS template, CASE WHEN {{programme_named_to_analysts(p)}} THEN p END AS named,
     collect(p) AS programmes
WITH template, named, programmes, {{programme_figures_shown(template, programmes)}} AS shown
CALL (programmes) {
  UNWIND programmes AS p
  MATCH (member:Person)-[m:MEMBER_OF]->(p)
  WITH m, CASE m.role WHEN 'MENTEE' THEN head(COLLECT {
         MATCH (p)<-[:IN]-(x:ProgrammeMentorship)-[:MENTEE]->(member)
         WHERE x.startedOn >= date(m.joinedAt)
         RETURN duration.inDays(date(m.joinedAt), x.startedOn).days AS days ORDER BY days
       }) END AS days
  RETURN count(CASE m.role WHEN 'MENTOR' THEN m END) AS mentors,
         sum(CASE m.role WHEN 'MENTOR' THEN m.capacity ELSE 0 END) AS places,
         count(CASE m.role WHEN 'MENTEE' THEN m END) AS mentees,
         {matched: count(days), median: percentileCont(days, 0.5), mean: avg(days)} AS joined
}
CALL (programmes) {
  UNWIND programmes AS p
  MATCH (p)<-[:IN]-(x:ProgrammeMentorship)
  WITH x, duration.inDays(date(x.proposedAt), x.startedOn).days AS days
  RETURN {proposals: count(x), started: count(days), median: percentileCont(days, 0.5),
          declined: count(CASE x.state WHEN 'DECLINED' THEN x END), mean: avg(days)} AS proposed
}
WITH template, named, programmes, mentors, places, mentees,
     CASE WHEN shown THEN joined END AS joined, CASE WHEN shown THEN proposed END AS proposed
RETURN template, named.key AS programme, named.name AS name, size(programmes) AS programmes,
       mentors, places, mentees, joined.matched AS matched,
       CASE WHEN mentees > 0 THEN round(toFloat(joined.matched) / mentees, 3) END AS shareMatched,
       round(joined.median, 1) AS medianDaysToMatch, round(joined.mean, 1) AS meanDaysToMatch,
       proposed.proposals AS proposals, proposed.started AS started,
       proposed.declined AS declined, round(proposed.median, 1) AS medianDaysToStart,
       round(proposed.mean, 1) AS meanDaysToStart
ORDER BY template, programme
