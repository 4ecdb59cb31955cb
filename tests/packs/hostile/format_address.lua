-- string.format('%p') would put an address, which differs from run to run, in a report.
return sector {
  id = "format_address", title = "Hostile: format_address", version = "0.0.1",
  questions = { { id = "format_address.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "format_address.rule", title = "Hostile rule", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a)
      return string.format('%p', {}) ~= ''
    end } },
  tests = { { name = "runs the rule", answers = { ["format_address.q"] = "yes" }, expect = {} } },
}
