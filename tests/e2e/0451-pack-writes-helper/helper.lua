-- Replacing a helper's function for every pack that shares it: refused.
local util = require "util"

local function always() return true end
table.insert(util, always)

return sector {
  id = "helper", title = "Writes to a helper", version = "0.1.0",
  questions = { { id = "helper.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
}
