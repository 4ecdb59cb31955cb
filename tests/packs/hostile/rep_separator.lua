-- Work in C: string.rep with an empty separator, 2^40 times.
return sector {
  id = "rep_separator", title = "Hostile: rep_separator", version = "0.0.1",
  questions = { { id = "rep_separator.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "rep_separator.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      return #string.rep('', 2^40, '') > 0
    end } },
  tests = { { name = "runs the rule", answers = { ["rep_separator.q"] = "yes" }, expect = {} } },
}
