-- coroutine.wrap hides the coroutine in a C function's upvalue: refused as well.
local gen = coroutine.wrap(function()
  local n = 0
  while true do n = n + 1 coroutine.yield(n) end
end)
return sector {
  id = "leak_wrap", title = "Hostile: leak_wrap", version = "0.0.1",
  questions = { { id = "leak_wrap.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "leak_wrap.rule", title = "Counter advanced", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      return gen() > 1
    end } },
  -- three assessments in one Lua state: the rule must never see the one before
  tests = {
    { name = "first", answers = { ["leak_wrap.q"] = "yes" }, expect = { absent = { "leak_wrap.rule" } } },
    { name = "second", answers = { ["leak_wrap.q"] = "no" }, expect = { absent = { "leak_wrap.rule" } } },
    { name = "third", answers = { ["leak_wrap.q"] = "partial" }, expect = { absent = { "leak_wrap.rule" } } },
  },
}
