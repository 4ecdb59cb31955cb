-- A plain find costs subject x pattern as well.
return sector {
  id = "find_plain", title = "Hostile: find_plain", version = "0.0.1",
  questions = { { id = "find_plain.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "find_plain.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local s = ('a'):rep(1e6)
      return s:find(('a'):rep(5e5) .. 'b', 1, true) ~= nil
    end } },
  tests = { { name = "runs the rule", answers = { ["find_plain.q"] = "yes" }, expect = {} } },
}
