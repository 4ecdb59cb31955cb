-- A third-party pack (untrusted: it is loaded from --plugin-path) that behaves
-- well for most suppliers and attacks the run for suppliers whose id starts
-- with "EVIL-": the fifth character picks the attack. Its upvalues count the
-- rules run: isolated, every assessment starts from the loaded state. Used by the isolation
-- tests: the hostile assessments fail alone, and every other supplier's
-- report is the same as in a run without them.
local remembered = {}            -- state a leak would carry between assessments
local calls = 0                  -- rules run so far, in this process
local keyed = {}                 -- a table used as a key in an upvalue table
remembered[keyed] = 0

local attacks = {
  H = function()                    -- C work no instruction budget sees: memcmp
    local a, b = string.rep("x", 1000000), string.rep("x", 1000000)
    local same = 0
    for _ = 1, 1000000 do if a == b then same = same + 1 end end
    return same < 0
  end,
  R = function() return string.rep("", 1 << 52) end,                 -- hangs in C
  M = function() return table.move({}, 1, 1 << 50, 2) end,           -- hangs in C
  L = function()                                                     -- a lying __len
    return { questions = setmetatable({}, { __len = function() return math.maxinteger end }) }
  end,
  D = function() return { detail = string.rep("x", 3 * 1024 * 1024) } end,   -- a huge detail
  S = function()                                                     -- state for later suppliers
    remembered.last = "EVIL"
    remembered[keyed] = remembered[keyed] + 1000
    calls = calls + 1000
    return false
  end,
}

return sector {
  id = "isolation", title = "Test: hostile assessments among good ones", version = "0.0.1",
  questions = {
    { id = "isolation.policy", kind = "maturity", text = "Do you have a human-rights policy?",
      duties = { "UNGP.GP16" } },
    { id = "isolation.workers", kind = "number", text = "How many workers?", min = 0,
      duties = { "UNGP.GP17" } },
  },
  rules = {
    { id = "isolation.attack", title = "Attack", duties = { "UNGP.GP16" },
      severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
      when = function(_, ctx)
        local id = ctx.supplier.id
        if id:sub(1, 5) == "EVIL-" then
          local attack = attacks[id:sub(6, 6)]
          if attack then return attack() end
        end
        return false
      end },
    { id = "isolation.no_policy", title = "No human-rights policy", duties = { "UNGP.GP16" },
      severity = { scale = 3, scope = 2, irremediable = 2 }, likelihood = 3,
      action = "Adopt a policy.",
      when = function(a)
        calls = calls + 1
        local n = calls
        local seen = remembered.last
        return a["isolation.policy"] ~= "yes" and {
          detail = ("policy: %s; state: %s %s %s"):format(a["isolation.policy"] or "none",
            tostring(seen), tostring(remembered[keyed]), tostring(n)),
        }
      end },
  },
}
