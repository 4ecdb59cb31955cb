-- Work in C: table.insert at position 1 moves every element up to what __len says (2^53).
return sector {
  id = "insert_len", title = "Hostile: insert_len", version = "0.0.1",
  questions = { { id = "insert_len.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "insert_len.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local t = setmetatable({}, { __len = function() return 2^53 end })
      table.insert(t, 1, 'x')
    end } },
  tests = { { name = "runs the rule", answers = { ["insert_len.q"] = "yes" }, expect = {} } },
}
