-- Every contract error plugin check must report, each with file:line.
return sector {
  id = "broken", title = "Broken pack", version = "0.1",
  questions = {
    { id = "broken.a", kind = "maturity", requried = true, text = "A?",
      duties = { "UNGP.GP61" } },
    { id = "other.b", kind = "maturity", text = "B?", duties = { "UNGP.GP16" } },
    { id = "broken.a", kind = "choise", text = "Again?", duties = { "UNGP.GP16" } },
    { id = "broken.c", kind = "choice", duties = { "UNGP.GP16" } },
  },
  rules = {
    { id = "broken.r", title = "R", duties = { "CSDDD.A9" },
      severity = { scale = 6, scope = 1, irremidiable = 1 }, likelihood = 0,
      action = "x", when = "not a function" },
  },
}
