-- Adds __mode to a metatable after setmetatable: the table must not become weak (results
-- would depend on garbage collection).

return sector {
  id = "mt_mode", title = "Hostile: mt_mode", version = "0.0.1",
  questions = { { id = "mt_mode.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "mt_mode.rule", title = "Weak table emptied", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local mt = {}
      local t = setmetatable({}, mt)
      mt.__mode = 'k'
      t[{}] = true
      for i = 1, 2e5 do local _ = { i } end -- garbage: the collector runs
      return next(t) == nil
    end } },
  -- three assessments in one Lua state: the rule must never see the one before
  tests = {
    { name = "first", answers = { ["mt_mode.q"] = "yes" }, expect = { absent = { "mt_mode.rule" } } },
    { name = "second", answers = { ["mt_mode.q"] = "no" }, expect = { absent = { "mt_mode.rule" } } },
    { name = "third", answers = { ["mt_mode.q"] = "partial" }, expect = { absent = { "mt_mode.rule" } } },
  },
}
