return sector {
  id = "string_meta", title = "Hostile: string_meta", version = "0.0.1",
  questions = { { id = "string_meta.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "string_meta.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      getmetatable("").__index = {}
    end } },
  tests = { { name = "runs the rule", answers = { ["string_meta.q"] = "yes" }, expect = {} } },
}
