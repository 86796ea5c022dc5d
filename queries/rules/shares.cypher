// Rule: each signal's share of a match's score (graph/ranking/signals.py): the weighted parts
// over their sum, the track record's three at their weights; all 0 when the sum is.
// total is the parts' sum, social to availability the weighted parts, record a map of
// rules/track_record.
// Arguments: total, social, skills, employer, availability, record.
CASE WHEN {{total}} > 0
  THEN {social: {{social}} / {{total}}, skills: {{skills}} / {{total}},
        employer: {{employer}} / {{total}}, availability: {{availability}} / {{total}},
        acceptance: $acceptanceWeight * {{record}}.acceptance / {{total}},
        completion: $completionWeight * {{record}}.completion / {{total}},
        rating: $ratingWeight * {{record}}.rating / {{total}}}
  ELSE {social: 0.0, skills: 0.0, employer: 0.0, availability: 0.0, acceptance: 0.0,
        completion: 0.0, rating: 0.0} END
