-- A module whose French translation (po/tiny/fr.po) is not a valid PO file.
return module {
  id = "tiny", title = "Tiny", version = "0.1.0",
  questions = {
    { id = "tiny.count", kind = "number", min = 0, text = "How many incidents?", duties = { "UNGP.GP16" } },
    { id = "tiny.mode", kind = "choice", text = "Which mode?", duties = { "UNGP.GP16" },
      options = { { value = "a", label = "First way", score = 1 }, { value = "b", label = "Second way", score = 0 },
                  { value = "c", label = "Third way", score = 0 } } },
  },
  rules = { { id = "tiny.r", title = "Incidents", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "Act.",
    reads = { "tiny.count" }, details = { n = "%g incident(s) reported." },
    when = function(a) local n = a["tiny.count"]
      if type(n) == "number" and n > 0 then return { detail = { "n", n } } end end } },
}
