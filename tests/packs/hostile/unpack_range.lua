-- Work in C: table.unpack of 10^8 values.
return sector {
  id = "unpack_range", title = "Hostile: unpack_range", version = "0.0.1",
  questions = { { id = "unpack_range.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "unpack_range.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      return select('#', table.unpack({}, 1, 1e8)) > 0
    end } },
  tests = { { name = "runs the rule", answers = { ["unpack_range.q"] = "yes" }, expect = {} } },
}
