-- A rule that reads a question its `reads` does not list: the test that
-- runs it fails with the rule's line.
return sector {
  id = "undeclared", title = "Reads more than it declares", version = "0.1.0",
  questions = {
    { id = "undeclared.policy", kind = "maturity", text = "Policy?", duties = { "UNGP.GP16" } },
    { id = "undeclared.audit", kind = "maturity", text = "Audit?", duties = { "UNGP.GP17" } },
  },
  rules = {
    { id = "undeclared.gap", title = "No policy and no audit", duties = { "UNGP.GP16" },
      severity = { scale = 2, scope = 2, irremediable = 1 }, likelihood = 3, action = "Adopt one.",
      reads = { "undeclared.policy" },
      when = function(a)
        return a["undeclared.policy"] == "no" and a["undeclared.audit"] == "no"
      end },
  },
  tests = {
    { name = "policy present", answers = { ["undeclared.policy"] = "yes" },
      expect = { absent = { "undeclared.gap" } } },
    { name = "neither", answers = { ["undeclared.policy"] = "no", ["undeclared.audit"] = "no" },
      expect = { findings = { "undeclared.gap" } } },
  },
}
