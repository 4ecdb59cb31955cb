-- A string.gmatch iterator keeps its position in C state: refused.
local next_word = string.gmatch('one two three four', '%a+')
return sector {
  id = "leak_gmatch", title = "Hostile: leak_gmatch", version = "0.0.1",
  questions = { { id = "leak_gmatch.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "leak_gmatch.rule", title = "Iterator advanced", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      return next_word() ~= 'one'
    end } },
  -- three assessments in one Lua state: the rule must never see the one before
  tests = {
    { name = "first", answers = { ["leak_gmatch.q"] = "yes" }, expect = { absent = { "leak_gmatch.rule" } } },
    { name = "second", answers = { ["leak_gmatch.q"] = "no" }, expect = { absent = { "leak_gmatch.rule" } } },
    { name = "third", answers = { ["leak_gmatch.q"] = "partial" }, expect = { absent = { "leak_gmatch.rule" } } },
  },
}
