-- A third-party sector whose French translation tries to break the questionnaire: an option label
-- with a line break (which would end a YAML comment), one with ';' (the list separator), two
-- options given one label, a detail template with other conversions. The run in French falls
-- back to English for each and reads the answers back unchanged.
return sector {
  id = "tinyx", title = "Tiny", version = "0.1.0",
  questions = {
    { id = "tinyx.mode", kind = "choice", text = "Which mode?", duties = { "UNGP.GP16" },
      options = { { value = "a", label = "First way", score = 1 }, { value = "b", label = "Second way", score = 0 },
                  { value = "c", label = "Third way", score = 0 }, { value = "d", label = "Fourth way", score = 0 } } },
    { id = "tinyx.count", kind = "number", min = 0, text = "How many incidents?", duties = { "UNGP.GP16" } },
  },
  rules = { { id = "tinyx.r", title = "Incidents", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "Act.",
    reads = { "tinyx.count" }, details = { n = "%g incident(s) reported." },
    when = function(a) local n = a["tinyx.count"]
      if type(n) == "number" and n > 0 then return { detail = { "n", n } } end end } },
}
