-- A pack that builds its table but forgets to return it.
local pack = sector {
  id = "noreturn", title = "Forgets the return", version = "0.1.0",
  questions = { { id = "noreturn.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
}
local _ = pack
