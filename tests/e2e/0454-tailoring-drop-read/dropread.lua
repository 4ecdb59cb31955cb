-- Dropping a question that a kept rule still reads is refused at the drop;
-- so is dropping while a rule does not say what it reads.
local labour = require "cocoa_labour"

return sector {
  id = "dropread", title = "Drops a question a rule reads", version = "0.1.0",
  modules = { labour },
  tailoring = {
    { question = "cocoa_labour.child.found", drop = true, reason = "asked elsewhere" },
  },
  questions = {
    { id = "dropread.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } },
  },
  rules = {
    { id = "dropread.r", title = "No reads", duties = { "UNGP.GP16" },
      severity = { scale = 2, scope = 2, irremediable = 2 }, likelihood = 2, action = "Act.",
      when = function(a) return a["dropread.q"] == "no" end },
  },
}
