return sector {
  id = "loop", title = "Hostile: loop", version = "0.0.1",
  questions = { { id = "loop.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "loop.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      while true do end
    end } },
  tests = { { name = "runs the rule", answers = { ["loop.q"] = "yes" }, expect = {} } },
}
