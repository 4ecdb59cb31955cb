-- Cites a duty of a framework that another pack required, without requiring
-- it: refused, with the file to require.
return sector {
  id = "forgets", title = "Forgets to require the framework", version = "0.1.0",
  questions = { { id = "forgets.q", kind = "maturity", text = "Q?", duties = { "TESTSTD.1" } } },
}
