-- A three-question pack whose numbers can be checked by hand
-- (tests/e2e/0002-assess-hand-calculation).
return sector {
  id = "tiny", title = "Hand-calculation pack", version = "0.0.1", license = "CC0-1.0",
  questions = {
    { id = "tiny.policy", kind = "maturity", weight = 3, text = "Policy?", evidence = true,
      duties = { "UNGP.GP16" } },
    { id = "tiny.grievance", kind = "maturity", weight = 1, text = "Grievance mechanism?",
      duties = { "UNGP.GP29", "CSDDD.A14" } },
    { id = "tiny.audit", kind = "maturity", weight = 2, text = "Audits?",
      duties = { "CSDDD.A15" } },
  },
  rules = {
    -- severity (4 + 3 + 2 + 4) / 4 = 3.25, likelihood 4: priority 13, level high
    { id = "tiny.no_audit", title = "No audits", duties = { "CSDDD.A15" },
      severity = { scale = 4, scope = 3, irremediable = 2 }, likelihood = 4,
      action = "Start audits.",
      when = function(a) return a["tiny.audit"] == "no" end },
    -- never fires on the hand-calculation questionnaire
    { id = "tiny.no_policy", title = "No policy", duties = { "UNGP.GP16" },
      severity = { scale = 2, scope = 2, irremediable = 1 }, likelihood = 2,
      red_flag = true, action = "Adopt a policy.",
      when = function(a) return a["tiny.policy"] ~= "yes" end },
  },
  tests = {
    { name = "audit gap is a high finding", answers = { ["tiny.policy"] = "yes", ["tiny.audit"] = "no" },
      expect = { findings = { "tiny.no_audit" }, absent = { "tiny.no_policy" } } },
    { name = "audits unknown: information needed", answers = { ["tiny.policy"] = "yes", ["tiny.audit"] = "unknown" },
      expect = { info = { "tiny.no_audit" }, absent = { "tiny.no_audit" } } },
    { name = "no policy is a red flag", answers = { ["tiny.policy"] = "no" },
      expect = { findings = { "tiny.no_policy" }, red_flag = true, rating = "E" } },
  },
}
