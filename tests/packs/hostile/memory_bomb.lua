return sector {
  id = "memory_bomb", title = "Hostile: memory_bomb", version = "0.0.1",
  questions = { { id = "memory_bomb.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "memory_bomb.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local t, chunk = {}, ("x"):rep(1024) for i = 1, 1e9 do t[i] = chunk .. i end
    end } },
  tests = { { name = "runs the rule", answers = { ["memory_bomb.q"] = "yes" }, expect = {} } },
}
