return sector {
  id = "os_execute", title = "Hostile: os_execute", version = "0.0.1",
  questions = { { id = "os_execute.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "os_execute.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      os.execute("touch /tmp/diligo-pwned")
    end } },
  tests = { { name = "runs the rule", answers = { ["os_execute.q"] = "yes" }, expect = {} } },
}
