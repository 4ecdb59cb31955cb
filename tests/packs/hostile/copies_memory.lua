-- Two thousand questions share one 1 MB help text. Lua holds it once; copied into the pack for
-- each question it once made gigabytes outside the memory cap. Each copy is cut (4,000 bytes) and
-- counted: with --max-memory 16 the load fails on the cap.
local help = ("x"):rep(1000):rep(1000)
local qs = {}
for i = 1, 2000 do
  qs[i] = { id = "copies_memory.q" .. i, kind = "maturity", text = help, help = help, section = help,
    duties = { "UNGP.GP16" } }
end
return sector { id = "copies_memory", title = "Hostile: copies", version = "0.0.1", questions = qs }
