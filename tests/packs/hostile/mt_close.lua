-- Adds __close to a metatable after setmetatable checked it, then closes a variable with it.
return sector {
  id = "mt_close", title = "Hostile: mt_close", version = "0.0.1",
  questions = { { id = "mt_close.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "mt_close.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      local mt = {}
      local t = setmetatable({}, mt)
      mt.__close = function() end
      local x <close> = t
      return x ~= nil
    end } },
  tests = { { name = "runs the rule", answers = { ["mt_close.q"] = "yes" }, expect = {} } },
}
