-- A sector that builds on another: the cocoa pack's composition (its
-- module, its tailoring, its own questions and rules), then what this pack
-- adds, then this pack's own tailoring of what it inherits.
local cocoa = require "cocoa"
local labour = require "cocoa_labour" -- listed by cocoa too: composed once

return sector {
  id = "cocoa_ghana", title = "Cocoa in Ghana (test)", version = "0.1.0",
  extends = cocoa,
  modules = { labour },
  tailoring = {
    { rule = "cocoa.child.hazardous", severity = { scope = 5 },
      reason = "the Ghana Child Labour Survey finds hazardous work in most cocoa districts (test)" },
    { question = "cocoa_labour.wage.assessed", drop = true,
      reason = "covered by cocoa_ghana.income.premium" },
    { rule = "cocoa_labour.wage.unassessed", drop = true,
      reason = "covered by cocoa_ghana.income.premium" },
  },
  questions = {
    { id = "cocoa_ghana.income.premium", kind = "maturity", weight = 2,
      text = "Do you pay the Living Income Differential to farmers?", duties = { "CSDDD.ANX.I1.06" } },
  },
  tests = {
    { name = "the inherited rule fires, with this pack's scope",
      answers = { ["cocoa.child.hazardous"] = "found" },
      expect = { findings = { "cocoa.child.hazardous" } } },
  },
}
