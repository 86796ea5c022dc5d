// Rule: what only ranks a candidate mentor, read once the candidate may count: their free
// capacity (match_free_capacity), availability (free / match_capacity), track record
// (track_record), and `part`, what the two add to the score ($availabilityWeight and
// rules/record_worth). Null when the mentor has no free slot: a full mentor is never
// suggested. The ranking reads it only for the candidates that may still reach the page (its
// floor or ceiling, or the weak tier's page), since each read costs a few property reads and
// a degree.
// Arguments: mentor (a Person).
// Parameters: $programme, $availabilityWeight, $acceptanceWeight, $completionWeight,
//   $ratingWeight.
head(COLLECT {
  WITH {{mentor}}, {{match_free_capacity(mentor)}} AS standingFree
  WHERE standingFree > 0
  WITH standingFree, toFloat(standingFree) / {{match_capacity(mentor)}} AS standingAvailability,
       {{track_record(mentor)}} AS standingRecord
  RETURN {free: standingFree, availability: standingAvailability, record: standingRecord,
          part: $availabilityWeight * standingAvailability + {{record_worth(standingRecord)}}}
})
