-- Each call copies a megabyte for one instruction: the copies are charged.
return sector {
  id = "string_loop", title = "Hostile: string_loop", version = "0.0.1",
  questions = { { id = "string_loop.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "string_loop.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local s = ('x'):rep(1e6)
      for _ = 1, 1e6 do local _ = s:upper() end
    end } },
  tests = { { name = "runs the rule", answers = { ["string_loop.q"] = "yes" }, expect = {} } },
}
