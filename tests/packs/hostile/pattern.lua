return sector {
  id = "pattern", title = "Hostile: catastrophic backtracking", version = "0.0.1",
  questions = { { id = "pattern.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "pattern.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      return string.find(("a"):rep(40), ("a*"):rep(20) .. "b") ~= nil
    end } },
  tests = { { name = "runs the rule", answers = { ["pattern.q"] = "yes" }, expect = {} } },
}
