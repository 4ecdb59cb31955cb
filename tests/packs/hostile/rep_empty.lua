-- Work in C: string.rep of the empty string copies nothing but loops 2^60 times.
return sector {
  id = "rep_empty", title = "Hostile: rep_empty", version = "0.0.1",
  questions = { { id = "rep_empty.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "rep_empty.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      return #string.rep('', 2^60) > 0
    end } },
  tests = { { name = "runs the rule", answers = { ["rep_empty.q"] = "yes" }, expect = {} } },
}
