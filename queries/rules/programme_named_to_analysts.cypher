// Rule: may an analyst's exploration name `programme` (its key and name) in a row? Only a
// PUBLIC one, which anyone signed in may see (rules/programme_visible_to). A members-only
// programme, every SUPPORT programme among them, is never named: the programme-health
// explorations pool it with the other unnamed programmes of its template, in one row whose
// programme is null (docs/privacy.md, "What analysts see").
// Arguments: programme (a Programme).
{{programme}}.visibility = 'PUBLIC'
