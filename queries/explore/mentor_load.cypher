// title: Mentor load
// description: Every mentor (open to mentoring, or mentoring now) with their capacity, ACTIVE
//   mentees, free places, load (active / capacity) and a state: OVER_CAPACITY, AT_CAPACITY,
//   AVAILABLE or IDLE (no active mentee). Busiest first. PRIVATE mentors are left out
//   (rules/named_to_analysts): mentor_load_summary counts them.
// param: state string = null — only mentors in this state (all when null)
// returns: mentor, name, capacity, active, free, load, state
// indexes: person_open_to_mentor
MATCH (p:Person)
WHERE (p.openToMentor OR EXISTS { (p)-[:MENTORS {status: 'ACTIVE'}]->() })
  AND {{named_to_analysts(p)}}
WITH p, coalesce(p.mentorCapacity, 0) AS capacity,
     COUNT { (p)-[:MENTORS {status: 'ACTIVE'}]->() } AS active
WITH p, capacity, active,
     CASE WHEN active > capacity THEN 'OVER_CAPACITY'
          WHEN active = 0 THEN 'IDLE'
          WHEN active = capacity THEN 'AT_CAPACITY'
          ELSE 'AVAILABLE' END AS state
WHERE $state IS NULL OR state = $state
RETURN p.key AS mentor, p.name AS name, capacity, active,
       CASE WHEN capacity > active THEN capacity - active ELSE 0 END AS free,
       CASE WHEN capacity = 0 THEN null ELSE round(toFloat(active) / capacity, 3) END AS load,
       state
ORDER BY load DESC, active DESC, mentor
