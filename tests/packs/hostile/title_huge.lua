-- A rule's title of a megabyte: the pack keeps 4,000 bytes, marked " [cut]".
local long = ("x"):rep(1000):rep(1000)
return sector {
  id = "title_huge", title = "Hostile: a huge title", version = "0.0.1",
  questions = { { id = "title_huge.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "title_huge.rule", title = long, duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function() return true end } },
}
