-- A literal pattern (no quantifier, so the quantifier guard lets it pass) costs subject x
-- pattern.
return sector {
  id = "find_literal", title = "Hostile: find_literal", version = "0.0.1",
  questions = { { id = "find_literal.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "find_literal.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local s = ('a'):rep(1e6)
      return s:find(('a'):rep(5e5) .. 'b') ~= nil
    end } },
  tests = { { name = "runs the rule", answers = { ["find_literal.q"] = "yes" }, expect = {} } },
}
