-- An id longer than 64 characters is refused (ids are matched, compared and shown in every report).
return sector {
  id = "long_id", title = "Hostile: a long id", version = "0.0.1",
  questions = { { id = "long_id." .. ("q"):rep(100), kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
}
