-- Duplicate ids point at the definitions, not at a helper table that quotes the id first.
local labour = require "labour"
local HELPER = { { id = "dup.q", note = "a helper table above the questions" } }
return sector {
  id = "dup", title = "Dup", version = "0.1.0", modules = { labour },
  questions = {
    { id = "dup.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } },
    { id = "labour.forced.debt_bondage", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } },
    { id = "dup.q", kind = "maturity", text = "Again?", duties = { "UNGP.GP16" } },
  },
  rules = { { id = "dup.r", title = "t", duties = { "UNGP.GP16" }, severity = { scale = 1, scope = 1, irremediable = 1 },
    likelihood = 1, action = "a", when = function() return HELPER[1] == nil end } },
}
