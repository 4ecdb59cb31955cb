-- A counter nested deeper (60 tables) than a bounded walk would go.
local function counter()
  local n = 0
  return function() n = n + 1 return n end
end
local t = { f = counter() }
for _ = 1, 60 do t = { t } end
return sector {
  id = "leak_deep", title = "Hostile: leak_deep", version = "0.0.1",
  questions = { { id = "leak_deep.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "leak_deep.rule", title = "Counter advanced", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local x = t
      for _ = 1, 60 do x = x[1] end
      return x.f() > 1
    end } },
  -- three assessments in one Lua state: the rule must never see the one before
  tests = {
    { name = "first", answers = { ["leak_deep.q"] = "yes" }, expect = { absent = { "leak_deep.rule" } } },
    { name = "second", answers = { ["leak_deep.q"] = "no" }, expect = { absent = { "leak_deep.rule" } } },
    { name = "third", answers = { ["leak_deep.q"] = "partial" }, expect = { absent = { "leak_deep.rule" } } },
  },
}
