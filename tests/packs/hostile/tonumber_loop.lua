-- tonumber scans its whole string; inside pcall, in a loop.
return sector {
  id = "tonumber_loop", title = "Hostile: tonumber_loop", version = "0.0.1",
  questions = { { id = "tonumber_loop.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "tonumber_loop.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local s = ('1'):rep(1e6)
      for _ = 1, 1e6 do pcall(tonumber, s) end
    end } },
  tests = { { name = "runs the rule", answers = { ["tonumber_loop.q"] = "yes" }, expect = {} } },
}
