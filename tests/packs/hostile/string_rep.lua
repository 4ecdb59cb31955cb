return sector {
  id = "string_rep", title = "Hostile: string_rep", version = "0.0.1",
  questions = { { id = "string_rep.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "string_rep.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      return #("x"):rep(2^31) > 0
    end } },
  tests = { { name = "runs the rule", answers = { ["string_rep.q"] = "yes" }, expect = {} } },
}
