-- A test's answer is a list that contains itself: converting it once recursed until the C stack
-- overflowed (a crash of diligo plugin test).
local cycle = {}
cycle[1] = cycle
return sector {
  id = "test_answers_cycle", title = "Hostile: a cycle in a test's answers", version = "0.0.1",
  questions = { { id = "test_answers_cycle.q", kind = "multi", text = "Q?", options = { "a", "b" },
    duties = { "UNGP.GP16" } } },
  rules = { { id = "test_answers_cycle.rule", title = "Never", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function() return false end } },
  tests = { { name = "a list in itself", answers = { ["test_answers_cycle.q"] = cycle }, expect = {} } },
}
