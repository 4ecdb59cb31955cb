-- Loads after uses_shared.lua and writes into the module it shares: modules are read-only once a
-- pack that uses them has loaded, so the other pack's rules read what they were loaded with.
require("shared_mod").flag = true
return sector {
  id = "module_tamper", title = "Hostile: tampers with a module", version = "0.0.1",
  questions = { { id = "module_tamper.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
}
