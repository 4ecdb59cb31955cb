-- A third-party duty catalogue (found before the built-in one on --plugin-path) whose entry hides a
-- function: every pack's rules reach the catalogue, so it must be plain data.
return catalogue {
  areas = { "Policy & governance" },
  { id = "UNGP.GP16", framework = "UNGP", title = "Policy commitment", text = "t",
    area = "Policy & governance", [1] = function() end },
}
