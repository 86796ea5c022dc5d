// title: Programme mentorships under way: check-ins and guided steps
// description: Per programme, rows as programme_matching's (a PUBLIC programme's own; the
//   members-only programmes of a template pooled with programme null; a SUPPORT row's
//   figures only from 5 members; no DRAFT), over the mentorships that started (ACTIVE or
//   ENDED): `pairings` of them, `active` now. Check-ins: `checkIns` logged on the active
//   ones, and `checkInsPerWeek`, that over the weeks each has run (weeks begun since its
//   start, so at least one); `silentPairings`, the active ones running for `silentDays` days
//   or more with no check-in on or after the day `silentDays` days ago. Guided steps: a step
//   is due once its day has come, and for an ENDED mentorship only when it came on or
//   before the day it ended; `stepsDone` of the `dueSteps`, their share, and `overdueSteps`,
//   due and not done in an active mentorship.
// param: programme string = null — only this PUBLIC programme's key (every programme when null)
// param: since date = null — only programmes starting on or after this day (all when null)
// param: silentDays int = 14 — how long without a check-in makes an active mentorship silent
// returns: template, programme, name, programmes, pairings, active, checkIns, checkInsPerWeek,
//   silentPairings, dueSteps, stepsDone, shareStepsDone, overdueSteps
// indexes: none (scans programmes)
MATCH (p:Programme)
WHERE {{explored_programme(p)}}
WITH p.template AS template, CASE WHEN {{programme_named_to_analysts(p)}} THEN p END AS named,
     collect(p) AS programmes
WITH template, named, programmes, {{programme_figures_shown(template, programmes)}} AS shown
CALL (programmes) {
  UNWIND programmes AS p
  MATCH (p)<-[:IN]-(x:ProgrammeMentorship)
  WHERE x.state IN ['ACTIVE', 'ENDED']
  WITH x, x.state = 'ACTIVE' AS active,
       CASE x.state WHEN 'ACTIVE' THEN date() ELSE date(x.endedAt) END AS until
  WITH x, active, until, duration.inDays(x.startedOn, until).days AS days,
       COLLECT { MATCH (x)-[:HAS_STEP]->(s:GuidedStep) WHERE s.dueOn <= until
                 RETURN s.doneAt IS NOT NULL AS done } AS due
  WITH x, active, due,
       CASE WHEN active THEN COUNT { (x)-[:HAS_CHECK_IN]->(:CheckIn) } END AS checkIns,
       CASE WHEN active THEN days / 7 + 1 END AS weeks,
       active AND days >= $silentDays AND NOT EXISTS {
         MATCH (x)-[:HAS_CHECK_IN]->(c:CheckIn) WHERE c.on >= until - duration({days: $silentDays})
       } AS silent
  RETURN {pairings: count(x), active: count(CASE WHEN active THEN x END),
          checkIns: sum(checkIns), weeks: sum(weeks), silent: count(CASE WHEN silent THEN x END),
          dueSteps: sum(size(due)), done: sum(size([done IN due WHERE done])),
          overdue: sum(CASE WHEN active THEN size([done IN due WHERE NOT done]) ELSE 0 END)}
         AS activity
}
WITH template, named, programmes, CASE WHEN shown THEN activity END AS activity
RETURN template, named.key AS programme, named.name AS name, size(programmes) AS programmes,
       activity.pairings AS pairings, activity.active AS active, activity.checkIns AS checkIns,
       CASE WHEN activity.weeks > 0
            THEN round(toFloat(activity.checkIns) / activity.weeks, 3) END AS checkInsPerWeek,
       activity.silent AS silentPairings, activity.dueSteps AS dueSteps,
       activity.done AS stepsDone,
       CASE WHEN activity.dueSteps > 0
            THEN round(toFloat(activity.done) / activity.dueSteps, 3) END AS shareStepsDone,
       activity.overdue AS overdueSteps
ORDER BY template, programme
