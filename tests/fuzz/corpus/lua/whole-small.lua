local core = require "core"
return sector { id = "s", title = "S", version = "1", modules = { core },
  questions = { { id = "s.q", kind = "choice", options = { { value = "a", score = 1 }, "b" }, text = "Q", duties = { "UNGP.GP16" } } },
  rules = { { id = "s.r", title = "R", duties = { "UNGP.GP16" }, severity = { scale = 2, scope = 2, irremediable = 2 }, likelihood = 2, action = "a", when = function(a) return a["s.q"] == "b" end } },
  tests = { { name = "t", answers = { ["s.q"] = "b" }, expect = { findings = { "s.r" } } } } }
