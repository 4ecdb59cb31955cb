-- While it loads, compares two different 16 MB strings that are equal: each comparison is one Lua
-- instruction and 16 MB of memcmp, which no budget counts. The wall clock stops it
-- (--max-seconds), in this process.
local a = ("x"):rep(4096):rep(4096) .. "y"
local b = ("x"):rep(4096):rep(4096) .. "y"
local same = 0
for _ = 1, 1e7 do
  if a == b then same = same + 1 end
end
return sector {
  id = "vm_compare", title = "Hostile: comparisons", version = "0.0.1",
  questions = { { id = "vm_compare.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = { { id = "vm_compare.rule", title = "Same", duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = function() return same > 0 end } },
}
