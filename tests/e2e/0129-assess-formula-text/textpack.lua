-- A pack with text questions, for the text-handling cases.
return sector {
  id = "t", title = "Text answers", version = "0.0.1",
  questions = {
    { id = "t.note", kind = "text", text = "Anything to add?", duties = { "UNGP.GP16" } },
    { id = "t.equals", kind = "text", text = "Equals", duties = { "UNGP.GP16" } },
    { id = "t.plus", kind = "text", text = "Plus", duties = { "UNGP.GP16" } },
    { id = "t.minus", kind = "text", text = "Minus", duties = { "UNGP.GP16" } },
    { id = "t.at", kind = "text", text = "At", duties = { "UNGP.GP16" } },
    { id = "t.policy", kind = "maturity", text = "Policy?", duties = { "UNGP.GP16" } },
  },
  rules = {},
}
