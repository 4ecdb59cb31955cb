-- extends names a module, not a sector: refused at the line of the sector.
local labour = require "cocoa_labour"

return sector {
  id = "extends_module", title = "Extends a module", version = "0.1.0",
  extends = labour,
}
