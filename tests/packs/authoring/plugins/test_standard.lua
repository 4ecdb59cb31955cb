-- A catalogue extension for the tests: a made-up standard with two duties.
return framework {
  id = "TESTSTD", title = "Test standard for cocoa sourcing",
  source = "Made up for diligo's tests; cites nothing",
  verified = "not verified",
  duties = {
    { id = "TESTSTD.1", title = "Traceability", area = "Responsible sourcing",
      text = "Trace every bean to the farm." },
    { id = "TESTSTD.2", title = "Child labour monitoring", area = "Labour rights", status = "guidance",
      text = "Run a child labour monitoring and remediation system." },
  },
}
