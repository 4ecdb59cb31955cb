-- Reads the shared helper module; its finding must not depend on which pack loaded after it.
local shared = require "shared_mod"
return sector {
  id = "uses_shared", title = "Hostile: reads a shared module", version = "0.0.1",
  questions = { { id = "uses_shared.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "uses_shared.rule", title = "Flag set", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function() return shared.flagged() end } },
  tests = { { name = "flag unset", answers = { ["uses_shared.q"] = "yes" }, expect = { absent = { "uses_shared.rule" } } } },
}
