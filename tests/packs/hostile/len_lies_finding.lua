-- A rule returns a finding whose `questions` list has a __len that lies: the evaluator reads the
-- raw length (one question), not 2^40.
return sector {
  id = "len_lies_finding", title = "Hostile: a finding's length lies", version = "0.0.1",
  questions = { { id = "len_lies_finding.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "len_lies_finding.rule", title = "Fires", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function()
      return { questions = setmetatable({ "len_lies_finding.q" }, { __len = function() return 2^40 end }) }
    end } },
  tests = { { name = "one question", answers = { ["len_lies_finding.q"] = "yes" },
    expect = { findings = { "len_lies_finding.rule" } } } },
}
