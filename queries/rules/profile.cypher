// Expression: `person` as a screen shows it: its properties, and the nested parts `parts`
// asks for (a list, each as rules/skills_of, goals_of, employment_of), null for a part not
// asked for. So a page of people and what a screen shows of each are one statement
// (api.lookahead decides `parts` from the selection set); null for a null person.
// Arguments: person (a Person, or null), parts (a map of booleans, or null: nothing nested).
// `parts` is {skills, learningGoals, employment} (graph.screens.Parts).
{{person}} { .*,
  skills: CASE WHEN {{parts}}.skills THEN {{skills_of(person)}} END,
  learningGoals: CASE WHEN {{parts}}.learningGoals THEN {{goals_of(person)}} END,
  employment: CASE WHEN {{parts}}.employment THEN {{employment_of(person)}} END
}
