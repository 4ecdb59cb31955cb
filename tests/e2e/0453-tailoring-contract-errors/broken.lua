-- Every way a tailoring list can be wrong, each reported at its line.
local labour = require "cocoa_labour"

return sector {
  id = "broken", title = "Broken tailoring", version = "0.1.0",
  modules = { labour },
  tailoring = {
    { question = "cocoa_labour.child.fonud", drop = true, reason = "typo in the id" },
    { question = "cocoa_labour.wage.assessed", weight = 300, reason = "out of range" },
    { rule = "cocoa_labour.wage.unassessed", likelihood = 4, reason = "  " },
    { question = "broken.q", weight = 2, reason = "the sector's own question" },
    { rule = "cocoa_labour.child.no_clmrs", weight = 2, reason = "a rule has no weight" },
    { question = "cocoa_labour.child.clmrs", drop = true },
    { rule = "cocoa_labour.child.found", likelihood = 5, reason = "already 5" },
    { rule = "cocoa_labour.child.found", drop = true, reason = "twice" },
    { question = "cocoa_labour.wage.assessed", rule = "cocoa_labour.wage.unassessed", reason = "two" },
    { question = "cocoa_labour.child.found", drop = "yes", reason = "drop is a flag" },
    { rule = "cocoa_labour.wage.unassessed", severity = { scale = 3, scopes = 2 }, reason = "misspelt" },
  },
  questions = {
    { id = "broken.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } },
  },
}
