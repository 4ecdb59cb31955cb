-- Tries to carry state from one supplier's assessment into the next: a
-- counter in an upvalue and a remembered answers table. Each assessment must start from the state after loading.
local seen = 0
local last_answers
return sector {
  id = "leak", title = "Hostile: state between assessments", version = "0.0.1",
  questions = { { id = "leak.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = {
    { id = "leak.counter", title = "Second supplier seen", duties = { "UNGP.GP16" },
      severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
      when = function()
        seen = seen + 1
        return seen > 1
      end },
    { id = "leak.remember", title = "Previous answers visible", duties = { "UNGP.GP16" },
      severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
      when = function(a)
        local leaked = last_answers ~= nil
        last_answers = a
        return leaked
      end },
  },
}
