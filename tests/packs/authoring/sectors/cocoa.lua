-- A sector that tailors the module it reuses: each change has a reason, and
-- every change is listed in the Method sheet and the JSON output.
local labour = require "cocoa_labour"
local _ = require "test_standard" -- its duties: TESTSTD.1, TESTSTD.2

return sector {
  id = "cocoa", title = "Cocoa (test)", version = "0.1.0",
  modules = { labour },
  tailoring = {
    { question = "cocoa_labour.child.found", drop = true,
      reason = "replaced by cocoa.child.hazardous, which asks for hazardous work on farms" },
    { rule = "cocoa_labour.child.found", drop = true,
      reason = "replaced by cocoa.child.hazardous" },
    { question = "cocoa_labour.wage.assessed", weight = 3,
      reason = "living income is the salient issue for cocoa farmers" },
    { rule = "cocoa_labour.child.no_clmrs", likelihood = 5,
      reason = "child labour is widespread in cocoa-growing areas" },
  },
  questions = {
    { id = "cocoa.child.hazardous", kind = "choice", weight = 3,
      options = { { value = "none", label = "None found by the monitoring system", score = 1 },
                  { value = "found", label = "Found on at least one farm", score = 0 } },
      text = "Were children found doing hazardous work on supplying farms?",
      duties = { "CSDDD.ANX.I1.10", "TESTSTD.2" } },
  },
  rules = {
    { id = "cocoa.child.hazardous", title = "Children in hazardous work",
      duties = { "CSDDD.ANX.I1.10" }, severity = { scale = 5, scope = 4, irremediable = 4 },
      likelihood = 5, impact = "actual", action = "Remove the children from hazardous work.",
      reads = { "cocoa.child.hazardous" },
      when = function(a) return a["cocoa.child.hazardous"] == "found" end },
  },
  tests = {
    { name = "hazardous work fires", answers = { ["cocoa.child.hazardous"] = "found" },
      expect = { findings = { "cocoa.child.hazardous" } } },
    { name = "no CLMRS fires", answers = { ["cocoa_labour.child.clmrs"] = "no" },
      expect = { findings = { "cocoa_labour.child.no_clmrs" } } },
  },
}
