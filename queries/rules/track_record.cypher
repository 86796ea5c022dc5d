// Rule: a mentor's track record, the three outcome signals of the ranking (docs/ranking.md,
// "Outcomes"), each in [0, 1]: acceptance (of the requests and proposals they answered),
// completion (of the mentorships they ended) and rating (by their mentees, once enough
// rated them). outcomes/refresh_track_records keeps them on the person as outcomes happen;
// someone with no such outcome yet is at the neutral prior, 0.5, so a good record lifts a
// mentor and a poor one lowers them, against a newcomer.
// Arguments: mentor (a Person).
{acceptance: coalesce({{mentor}}.acceptance, 0.5), completion: coalesce({{mentor}}.completion, 0.5),
 rating: coalesce({{mentor}}.rating, 0.5)}
