// title: Mentorship request funnel
// description: Mentorship requests by the week they were sent (the Monday, UTC) and their
//   state now, with how many were answered and the hours it took (mean and median of
//   `respondedAt - createdAt`).
// param: since date = null — only requests sent on or after this day (all when null)
// returns: week, state, requests, answered, meanHoursToAnswer, medianHoursToAnswer
// indexes: mentorship_request_state
MATCH (r:MentorshipRequest)
WHERE $since IS NULL OR date(r.createdAt) >= $since
WITH date.truncate('week', r.createdAt) AS week, r.state AS state,
     CASE WHEN r.respondedAt IS NULL THEN null
          ELSE duration.inSeconds(r.createdAt, r.respondedAt).seconds / 3600.0 END AS hours
RETURN week, state, count(*) AS requests, count(hours) AS answered,
       round(avg(hours), 1) AS meanHoursToAnswer,
       round(percentileCont(hours, 0.5), 1) AS medianHoursToAnswer
ORDER BY week, state
