-- A sector that requires a broken framework file: the error names the framework's file and line.
require "clash"

return sector {
  id = "uses_clash", title = "Requires a broken framework", version = "0.1.0",
  questions = { { id = "uses_clash.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
}
