-- A sector whose French translation (po/tinysector/fr.po) is not a valid PO file: a run in
-- French stops with the file and line, and writes nothing.
return sector {
  id = "tinysector", title = "Tiny", version = "0.1.0",
  questions = {
    { id = "tinysector.q", kind = "maturity", text = "Is there a policy?", duties = { "UNGP.GP16" } },
  },
  rules = {},
}
