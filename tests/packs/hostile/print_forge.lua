-- print writes to standard error: a newline in the text would forge a line of diligo's own.
return sector {
  id = "print_forge", title = "Hostile: forged lines", version = "0.0.1",
  questions = { { id = "print_forge.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "print_forge.rule", title = "Prints", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function()
      print("done\ndiligo: assessed 100 of 100 questionnaires\r\27[2K")
      return false
    end } },
  tests = { { name = "prints one line", answers = { ["print_forge.q"] = "yes" }, expect = {} } },
}
