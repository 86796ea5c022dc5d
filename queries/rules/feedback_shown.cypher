// Rule: may more than its count be shown of feedback pooled over `people` distinct people
// who answered? From 3 people (docs/programmes.md, "Feedback"): with one answer the mean is
// that answer, and with two, anyone who knows one rating reads the other from the mean.
// Applied where programme admins read feedback (programmes/feedback_of_programme) and where
// analysts do (explore/programme_satisfaction).
// Arguments: people (an integer).
{{people}} >= 3
