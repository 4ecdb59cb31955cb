-- tiny as it was in 0.0.0 (tests/e2e/0404): no grievance question, a legacy
-- question and rule since removed, no policy rule yet, policy weighted 1
return sector {
  id = "tiny", title = "Hand-calculation pack", version = "0.0.0", license = "CC0-1.0",
  questions = {
    { id = "tiny.policy", kind = "maturity", weight = 1, text = "Policy?",
      duties = { "UNGP.GP16" } },
    { id = "tiny.audit", kind = "maturity", weight = 2, text = "Audits?",
      duties = { "CSDDD.A15" } },
    { id = "tiny.legacy", kind = "maturity", weight = 1, text = "Legacy?",
      duties = { "CSDDD.A15" } },
  },
  rules = {
    { id = "tiny.no_audit", title = "No audits", duties = { "CSDDD.A15" },
      severity = { scale = 4, scope = 3, irremediable = 2 }, likelihood = 4,
      action = "Start audits.",
      when = function(a) return a["tiny.audit"] == "no" end },
    { id = "tiny.legacy_gap", title = "Legacy gap", duties = { "CSDDD.A15" },
      severity = { scale = 3, scope = 3, irremediable = 2 }, likelihood = 3,
      action = "Close it.",
      when = function(a) return a["tiny.legacy"] == "no" end },
  },
}
