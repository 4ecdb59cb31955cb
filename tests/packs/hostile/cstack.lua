-- Re-raises an error at every level of a recursion through pcall: the message is a long chain
-- of positions that ends in 'C stack overflow', which the report must keep.
return sector {
  id = "cstack", title = "Hostile: cstack", version = "0.0.1",
  questions = { { id = "cstack.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "cstack.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local function f() local _, e = pcall(f) error(e) end
      f()
    end } },
  tests = { { name = "runs the rule", answers = { ["cstack.q"] = "yes" }, expect = {} } },
}
