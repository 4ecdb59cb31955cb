-- A second file declaring a framework that another file declares.
return framework {
  id = "TESTSTD", title = "Second test standard", source = "none",
  duties = { { id = "TESTSTD.9", title = "Nine", text = "Nine.", area = "Environment" } },
}
