-- The lists a pack returns have a __len that lies (2^62, then -1): the loader reads their raw
-- length and never believes it (a size computed from it once wrapped and overran an arena slot).
local function lying(t, n)
  return setmetatable(t, { __len = function() return n end })
end
return sector {
  id = "len_lies_load", title = "Hostile: lengths that lie", version = "0.0.1",
  questions = lying({ { id = "len_lies_load.q", kind = "choice", text = "Q?",
    duties = lying({ "UNGP.GP16" }, 2^62), options = lying({ "a", "b" }, -1) } }, 2^62),
  rules = lying({ { id = "len_lies_load.rule", title = "Answer a", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function(a) return a["len_lies_load.q"] == "a" end } }, -1),
  tests = lying({ { name = "reads the raw lists", answers = { ["len_lies_load.q"] = "a" },
    expect = { findings = lying({ "len_lies_load.rule" }, 2^62) } } }, 2^40),
}
