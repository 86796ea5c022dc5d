// title: Programme satisfaction from feedback
// description: Per programme, rows as programme_matching's (a PUBLIC programme's own; the
//   members-only programmes of a template pooled with programme null; a SUPPORT row's
//   figures only from 5 members; no DRAFT), from the feedback both sides leave when a
//   mentorship ends: `answers` counts the people who answered (each once in a row), and
//   only from 3 of them (rules/feedback_shown, the rule programme admins read feedback by)
//   the mean rating and `ratings`, how many ratings of 1 to 5. Never a text or an author.
// param: programme string = null — only this PUBLIC programme's key (every programme when null)
// param: since date = null — only programmes starting on or after this day (all when null)
// param: side string = null — only the answers of this side, MENTOR or MENTEE (both when null)
// returns: template, programme, name, programmes, answers, meanRating, ratings
// indexes: none (scans programmes)
MATCH (p:Programme)
WHERE {{explored_programme(p)}}
WITH p.template AS template, CASE WHEN {{programme_named_to_analysts(p)}} THEN p END AS named,
     collect(p) AS programmes
WITH template, named, programmes, {{programme_figures_shown(template, programmes)}} AS shown
CALL (programmes) {
  UNWIND programmes AS p
  MATCH (p)<-[:IN]-(:ProgrammeMentorship)-[:HAS_FEEDBACK]->(f:Feedback)
  WHERE $side IS NULL OR f.side = $side
  WITH count(DISTINCT f.by) AS answers, collect(f.rating) AS ratings, avg(f.rating) AS mean
  RETURN answers, CASE WHEN {{feedback_shown(answers)}} THEN {mean: mean,
           ratings: [rating IN range(1, 5) | size([r IN ratings WHERE r = rating])]} END AS rated
}
WITH template, named, programmes, CASE WHEN shown THEN answers END AS answers,
     CASE WHEN shown THEN rated END AS rated
RETURN template, named.key AS programme, named.name AS name, size(programmes) AS programmes,
       answers, round(rated.mean, 2) AS meanRating, rated.ratings AS ratings
ORDER BY template, programme
