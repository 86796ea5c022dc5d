// Rule: may `viewer` see `person` in what a programme shows them? Every statement that
// returns, names, counts, sums or scores people of a programme applies it, directly or
// through programme_pairing_shown and draft_pair_shown: its members, its mentorships and
// proposals (and so their steps, check-ins and feedback), its cohort drafts' pairs, totals
// and unmatched mentees, who is still to match, and whom an admin may propose. It is the
// member's rule (visible_to), for programme admins as for anyone: a programme admin is not
// the global admin role (docs/programmes.md, "Who sees what"), and the global role adds
// nothing inside a programme, whose membership may be the most sensitive thing the graph
// holds. A null person (a key that is nobody's) is not shown.
// Arguments: viewer (a Person or null), person (a Person or null).
{{person}} IS NOT NULL AND {{visible_to(viewer, person)}}
