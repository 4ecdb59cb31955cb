-- A rule that writes to a table of its file: read-only once the pack is
-- loaded, so one supplier's assessment cannot leave data for the next.
local cache = {}
return sector {
  id = "module_table", title = "Hostile: module table written", version = "0.0.1",
  questions = { { id = "module_table.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "module_table.rule", title = "Writes its module table", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function()
      cache[#cache + 1] = true
    end } },
  tests = { { name = "runs the rule", answers = { ["module_table.q"] = "yes" }, expect = {} } },
}
