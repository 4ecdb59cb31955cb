-- Work in C: table.remove at position 1 moves every element down to what __len says.
return sector {
  id = "remove_len", title = "Hostile: remove_len", version = "0.0.1",
  questions = { { id = "remove_len.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "remove_len.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local t = setmetatable({}, { __len = function() return 2^53 end })
      table.remove(t, 1)
    end } },
  tests = { { name = "runs the rule", answers = { ["remove_len.q"] = "yes" }, expect = {} } },
}
