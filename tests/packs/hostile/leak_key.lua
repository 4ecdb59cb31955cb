-- A table used as a key of an upvalue table: iterating hands the key itself to the rule.
local registry = { [{}] = true }
return sector {
  id = "leak_key", title = "Hostile: leak_key", version = "0.0.1",
  questions = { { id = "leak_key.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "leak_key.rule", title = "Key changed", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      for k in pairs(registry) do
        local ok = pcall(function() k.n = (k.n or 0) + 1 end)
        if ok and k.n > 1 then return true end
      end
      return false
    end } },
  -- three assessments in one Lua state: the rule must never see the one before
  tests = {
    { name = "first", answers = { ["leak_key.q"] = "yes" }, expect = { absent = { "leak_key.rule" } } },
    { name = "second", answers = { ["leak_key.q"] = "no" }, expect = { absent = { "leak_key.rule" } } },
    { name = "third", answers = { ["leak_key.q"] = "partial" }, expect = { absent = { "leak_key.rule" } } },
  },
}
