-- Work in C: table.move over 2^53 elements (the loop never runs the count hook).
return sector {
  id = "move_range", title = "Hostile: move_range", version = "0.0.1",
  questions = { { id = "move_range.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "move_range.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      table.move({}, 1, 2^53, 2)
    end } },
  tests = { { name = "runs the rule", answers = { ["move_range.q"] = "yes" }, expect = {} } },
}
