return sector {
  id = "recursion", title = "Hostile: recursion", version = "0.0.1",
  questions = { { id = "recursion.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "recursion.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local function f(n) return f(n + 1) + 1 end return f(1)
    end } },
  tests = { { name = "runs the rule", answers = { ["recursion.q"] = "yes" }, expect = {} } },
}
