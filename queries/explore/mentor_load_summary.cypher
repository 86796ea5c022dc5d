// title: Mentor load in one row
// description: Across all mentors (open to mentoring, or mentoring now): how many there are,
//   their total capacity, the ACTIVE mentorships using it, the share used, and how many
//   mentors are at or over capacity and how many are idle.
// returns: mentors, capacity, active, used, atCapacity, overCapacity, idle
// indexes: person_open_to_mentor
MATCH (p:Person)
WHERE p.openToMentor OR EXISTS { (p)-[:MENTORS {status: 'ACTIVE'}]->() }
WITH coalesce(p.mentorCapacity, 0) AS capacity,
     COUNT { (p)-[:MENTORS {status: 'ACTIVE'}]->() } AS active
WITH count(*) AS mentors, sum(capacity) AS capacity, sum(active) AS active,
     count(CASE WHEN active = capacity AND capacity > 0 THEN 1 END) AS atCapacity,
     count(CASE WHEN active > capacity THEN 1 END) AS overCapacity,
     count(CASE WHEN active = 0 THEN 1 END) AS idle
RETURN mentors, capacity, active,
       CASE WHEN capacity = 0 THEN null ELSE round(toFloat(active) / capacity, 3) END AS used,
       atCapacity, overCapacity, idle
