return sector {
  id = "pcall_loop", title = "Hostile: pcall_loop", version = "0.0.1",
  questions = { { id = "pcall_loop.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "pcall_loop.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      while true do pcall(function() while true do end end) end
    end } },
  tests = { { name = "runs the rule", answers = { ["pcall_loop.q"] = "yes" }, expect = {} } },
}
