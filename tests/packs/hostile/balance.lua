-- %b() rescans the subject from every start: quadratic on a run of brackets.
return sector {
  id = "balance", title = "Hostile: balance", version = "0.0.1",
  questions = { { id = "balance.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "balance.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      return (('('):rep(2e5)):find('%b()') ~= nil
    end } },
  tests = { { name = "runs the rule", answers = { ["balance.q"] = "yes" }, expect = {} } },
}
