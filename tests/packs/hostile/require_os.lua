return sector {
  id = "require_os", title = "Hostile: require_os", version = "0.0.1",
  questions = { { id = "require_os.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "require_os.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      return require("os")
    end } },
  tests = { { name = "runs the rule", answers = { ["require_os.q"] = "yes" }, expect = {} } },
}
