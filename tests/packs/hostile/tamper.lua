-- Each rule tries to change something another assessment would see.
local function rule(id, f)
  return { id = "tamper." .. id, title = id, duties = { "UNGP.GP16" },
    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = "none",
    when = f }
end
return sector {
  id = "tamper", title = "Hostile: tampering", version = "0.0.1",
  questions = { { id = "tamper.q", kind = "maturity", text = "Q?", duties = { "UNGP.GP16" } } },
  rules = {
    rule("string_lib", function() string.upper = nil end),
    rule("string_meta", function() local mt = getmetatable("") mt.__index = {} end),
    rule("catalogue", function() duties["UNGP.GP16"].title = "changed" end),
    rule("answers", function(a) a["tamper.q"] = "no" end),
    rule("context", function(_, ctx) ctx.supplier.id = "other" end),
    rule("rawset", function() rawset(string, "upper", nil) end),
    rule("setmetatable", function() setmetatable(math, {}) end),
    rule("gc", function() setmetatable({}, { __gc = function() while true do end end }) end),
    rule("coroutine_close", function() coroutine.close(coroutine.create(print)) end),
    rule("tostring_loop", function()
      error(setmetatable({}, { __tostring = function() while true do end end }))
    end),
    rule("resume_loop", function()
      local co = coroutine.create(function() while true do end end)
      return not coroutine.resume(co)
    end),
  },
}
