-- Work in C: table.concat up to what __len says, every element from an __index table.
return sector {
  id = "concat_len", title = "Hostile: concat_len", version = "0.0.1",
  questions = { { id = "concat_len.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "concat_len.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local t = setmetatable({}, { __len = function() return 2^53 end,
        __index = setmetatable({}, { __index = function() return 'x' end }) })
      return #table.concat(t) > 0
    end } },
  tests = { { name = "runs the rule", answers = { ["concat_len.q"] = "yes" }, expect = {} } },
}
