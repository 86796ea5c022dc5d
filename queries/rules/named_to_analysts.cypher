// Rule: may an analyst's exploration name `person` in a row? Not when they are PRIVATE
// (docs/privacy.md, "What analysts see"): an exploration leaves such people out of
// people-level rows, or stands them as null inside a path, and says which in its header.
// Counts and other aggregates still include them.
// Arguments: person (a Person).
{{person}}.visibility IN ['PUBLIC', 'CONNECTIONS']
