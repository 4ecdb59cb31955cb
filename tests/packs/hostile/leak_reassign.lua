-- Upvalues a rule assigns a new table, function or environment to: each assessment must start
-- from the values after loading.
local last = {}
local check = function() return false end
local function probe() return flag end -- luacheck: ignore
return sector {
  id = "leak_reassign", title = "Hostile: leak_reassign", version = "0.0.1",
  questions = { { id = "leak_reassign.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "leak_reassign.rule", title = "Earlier answers visible", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local leaked = last.answers ~= nil or check() or probe() == true
      last = { answers = a }
      check = function() return true end
      _ENV = setmetatable({ flag = true }, { __index = _ENV })
      return leaked
    end } },
  -- three assessments in one Lua state: the rule must never see the one before
  tests = {
    { name = "first", answers = { ["leak_reassign.q"] = "yes" }, expect = { absent = { "leak_reassign.rule" } } },
    { name = "second", answers = { ["leak_reassign.q"] = "no" }, expect = { absent = { "leak_reassign.rule" } } },
    { name = "third", answers = { ["leak_reassign.q"] = "partial" }, expect = { absent = { "leak_reassign.rule" } } },
  },
}
