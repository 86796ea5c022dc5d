// Rule: what a mentor's track record (rules/track_record) adds to a match's score, under the
// weights $acceptanceWeight, $completionWeight and $ratingWeight.
// Arguments: record (a map of rules/track_record).
$acceptanceWeight * {{record}}.acceptance + $completionWeight * {{record}}.completion
  + $ratingWeight * {{record}}.rating
