-- A rule returns a 4 MB detail of two-byte characters: the report keeps 4,000 bytes at most, cut
-- between characters and marked " [cut]", and the copy counts against the memory cap.
return sector {
  id = "detail_huge", title = "Hostile: a huge detail", version = "0.0.1",
  questions = { { id = "detail_huge.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "detail_huge.rule", title = "Long detail", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function()
      return { detail = "a" .. ("é"):rep(1000):rep(2000) }
    end } },
  tests = { { name = "fires", answers = { ["detail_huge.q"] = "yes" }, expect = { findings = { "detail_huge.rule" } } } },
}
