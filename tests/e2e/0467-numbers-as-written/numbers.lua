-- Numbers reach rules as people write them: a whole number is a Lua integer
-- (tostring gives "1", not "1.0"); other numbers stay decimals.
return sector {
  id = "numbers", title = "Numbers as written", version = "0.1.0",
  questions = {
    { id = "numbers.deaths", kind = "number", min = 0, text = "Deaths?", duties = { "CSDDD.ANX.I1.01" } },
    { id = "numbers.share", kind = "percent", text = "Share?", duties = { "CSDDD.ANX.I1.06" } },
  },
  rules = {
    { id = "numbers.detail", title = "Numbers in a detail", duties = { "CSDDD.ANX.I1.01" },
      severity = { scale = 5, scope = 1, irremediable = 5 }, likelihood = 5, impact = "actual",
      action = "Investigate.", reads = { "numbers.deaths", "numbers.share" },
      when = function(a)
        local n, s = a["numbers.deaths"], a["numbers.share"]
        if type(n) == "number" and n > 0 then
          return { detail = tostring(n) .. " reported; " .. tostring(s) .. "% of workers; "
                           .. math.type(n) .. ", " .. math.type(s) }
        end
      end },
  },
  tests = {
    { name = "a whole number is an integer", answers = { ["numbers.deaths"] = 1, ["numbers.share"] = 12.5 },
      expect = { findings = { "numbers.detail" } } },
  },
}
