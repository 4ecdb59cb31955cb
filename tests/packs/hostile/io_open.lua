return sector {
  id = "io_open", title = "Hostile: io_open", version = "0.0.1",
  questions = { { id = "io_open.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "io_open.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      io.open("/tmp/diligo-pwned", "w")
    end } },
  tests = { { name = "runs the rule", answers = { ["io_open.q"] = "yes" }, expect = {} } },
}
