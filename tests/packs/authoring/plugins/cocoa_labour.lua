-- A small shared module that a sector reuses and tailors.
return module {
  id = "cocoa_labour", title = "Labour (test module)", version = "0.1.0",
  questions = {
    { id = "cocoa_labour.child.clmrs", kind = "maturity", weight = 2,
      text = "Do you run a child labour monitoring and remediation system?", duties = { "CSDDD.ANX.I1.10" } },
    { id = "cocoa_labour.child.found", kind = "choice", weight = 2, options = { "none", "found" },
      text = "Was child labour found in the last 12 months?", duties = { "CSDDD.ANX.I1.10" } },
    { id = "cocoa_labour.wage.assessed", kind = "maturity", weight = 1,
      text = "Have you assessed the gap to a living wage or income?", duties = { "CSDDD.ANX.I1.06" } },
  },
  rules = {
    { id = "cocoa_labour.child.found", title = "Child labour found",
      duties = { "CSDDD.ANX.I1.10" }, severity = { scale = 5, scope = 3, irremediable = 4 },
      likelihood = 5, impact = "actual", action = "Remediate.",
      reads = { "cocoa_labour.child.found" },
      when = function(a) return a["cocoa_labour.child.found"] == "found" end },
    { id = "cocoa_labour.child.no_clmrs", title = "No child labour monitoring",
      duties = { "CSDDD.ANX.I1.10" }, severity = { scale = 4, scope = 3, irremediable = 3 },
      likelihood = 3, action = "Set up a CLMRS.",
      reads = { "cocoa_labour.child.clmrs" },
      when = function(a) return a["cocoa_labour.child.clmrs"] == "no" end },
    { id = "cocoa_labour.wage.unassessed", title = "Living wage not assessed",
      duties = { "CSDDD.ANX.I1.06" }, severity = { scale = 3, scope = 3, irremediable = 2 },
      likelihood = 3, action = "Assess the gap.",
      reads = { "cocoa_labour.wage.assessed" },
      when = function(a) return a["cocoa_labour.wage.assessed"] == "no" end },
  },
}
