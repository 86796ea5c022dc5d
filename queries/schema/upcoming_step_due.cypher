// Finds the guided steps not yet announced by due date (the due-step scan).
// Parameters: none. Returns: nothing.
CREATE INDEX upcoming_step_due IF NOT EXISTS FOR (s:Upcoming) ON (s.dueOn)
