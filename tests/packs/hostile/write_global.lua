return sector {
  id = "write_global", title = "Hostile: write_global", version = "0.0.1",
  questions = { { id = "write_global.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "write_global.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      leaked = true
    end } },
  tests = { { name = "runs the rule", answers = { ["write_global.q"] = "yes" }, expect = {} } },
}
