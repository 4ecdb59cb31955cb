-- Near the memory cap, an allocation succeeds after the emergency collection: not an error.
-- Run with --max-memory 16.

return sector {
  id = "false_oom", title = "Hostile: false_oom", version = "0.0.1",
  questions = { { id = "false_oom.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "false_oom.rule", title = "pcall failed", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local big
      for _ = 1, 10 do big = ('x'):rep(1000):rep(5000) end
      return #big == 0 or not pcall(function() return 1 end)
    end } },
  -- three assessments in one Lua state: the rule must never see the one before
  tests = {
    { name = "first", answers = { ["false_oom.q"] = "yes" }, expect = { absent = { "false_oom.rule" } } },
    { name = "second", answers = { ["false_oom.q"] = "no" }, expect = { absent = { "false_oom.rule" } } },
    { name = "third", answers = { ["false_oom.q"] = "partial" }, expect = { absent = { "false_oom.rule" } } },
  },
}
