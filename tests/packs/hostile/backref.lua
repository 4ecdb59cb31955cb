-- A back-reference compares whole captures inside a quantifier: cubic.
return sector {
  id = "backref", title = "Hostile: backref", version = "0.0.1",
  questions = { { id = "backref.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "backref.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      return (('a'):rep(3e4)):find('(.-)%1b') ~= nil
    end } },
  tests = { { name = "runs the rule", answers = { ["backref.q"] = "yes" }, expect = {} } },
}
