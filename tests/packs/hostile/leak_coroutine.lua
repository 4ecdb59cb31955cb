-- A coroutine made while the pack loads keeps its locals from one assessment to the next:
-- the load is refused.
local co = coroutine.create(function()
  local n = 0
  while true do n = n + 1 coroutine.yield(n) end
end)
return sector {
  id = "leak_coroutine", title = "Hostile: leak_coroutine", version = "0.0.1",
  questions = { { id = "leak_coroutine.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "leak_coroutine.rule", title = "Counter advanced", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local _, n = coroutine.resume(co)
      return n > 1
    end } },
  -- three assessments in one Lua state: the rule must never see the one before
  tests = {
    { name = "first", answers = { ["leak_coroutine.q"] = "yes" }, expect = { absent = { "leak_coroutine.rule" } } },
    { name = "second", answers = { ["leak_coroutine.q"] = "no" }, expect = { absent = { "leak_coroutine.rule" } } },
    { name = "third", answers = { ["leak_coroutine.q"] = "partial" }, expect = { absent = { "leak_coroutine.rule" } } },
  },
}
