-- A function reachable only through a metatable's __index: its upvalue, and the table it is
-- given (where it caches), are state the snapshot must cover.
local count = 0
local cache = setmetatable({}, { __index = function(t, k)
  count = count + 1
  pcall(function() t[k] = count end)
  return count
end })
return sector {
  id = "leak_index", title = "Hostile: leak_index", version = "0.0.1",
  questions = { { id = "leak_index.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "leak_index.rule", title = "Counter advanced", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      return cache[a['leak_index.q']] > 1
    end } },
  -- three assessments in one Lua state: the rule must never see the one before
  tests = {
    { name = "first", answers = { ["leak_index.q"] = "yes" }, expect = { absent = { "leak_index.rule" } } },
    { name = "second", answers = { ["leak_index.q"] = "no" }, expect = { absent = { "leak_index.rule" } } },
    { name = "third", answers = { ["leak_index.q"] = "partial" }, expect = { absent = { "leak_index.rule" } } },
  },
}
