-- Re-weighting a reused module by writing to it: refused at load, with the
-- file and line of the write (a module changes only through tailoring).
local core = require "core"
local labour = require "labour"

labour.questions[1].weight = 50

return sector {
  id = "write", title = "Writes to a module", version = "0.1.0",
  modules = { core, labour },
}
