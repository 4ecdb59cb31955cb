return sector {
  id = "load_bytecode", title = "Hostile: load_bytecode", version = "0.0.1",
  questions = { { id = "load_bytecode.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "load_bytecode.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local f = load(string.dump(function() end)) return f()
    end } },
  tests = { { name = "runs the rule", answers = { ["load_bytecode.q"] = "yes" }, expect = {} } },
}
