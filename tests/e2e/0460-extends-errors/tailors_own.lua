-- A module is reused as it is: only a sector tailors or extends.
return module {
  id = "tailors_own", title = "A module that tailors", version = "0.1.0",
  tailoring = { { question = "x.y", drop = true, reason = "no" } },
  questions = { { id = "tailors_own.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
}
