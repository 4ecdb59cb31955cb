-- Text no file may hold, from a pack: invalid UTF-8 (a stray byte, an
-- overlong "/", a surrogate, a value above U+10FFFF, a sequence cut short)
-- and noncharacters, in titles, texts and a finding's detail that also
-- echoes the supplier's answer (tests/e2e/0300-text-hygiene-*).
local bad = "[\xff|\xc0\xaf|\xed\xa0\x80|\xf4\x90\x80\x80|\xe2\x82|\u{FFFE}|\u{FFFF}|\u{FDD0}"
  .. "|\u{FDEF}|\u{1FFFE}|\u{10FFFF}|\u{10FFFE}]"
return sector {
  id = "badtext", title = "Bad text " .. bad, version = "0.0.1\u{FFFE}", license = "CC0-1.0",
  questions = {
    { id = "badtext.note", kind = "text", text = "A note " .. bad, section = "Notes " .. bad,
      duties = { "UNGP.GP16" } },
    { id = "badtext.policy", kind = "maturity", weight = 2, text = "Policy? " .. bad,
      duties = { "UNGP.GP16" } },
  },
  rules = {
    { id = "badtext.rule", title = "Finding " .. bad, duties = { "UNGP.GP16" },
      severity = { scale = 3, scope = 3, irremediable = 2 }, likelihood = 3,
      action = "Act " .. bad,
      when = function(a)
        return { detail = "Detail " .. bad .. " answer: " .. tostring(a["badtext.note"]),
                 questions = { "badtext.note", "badtext.policy" } }
      end },
  },
  tests = {
    { name = "the rule fires", answers = { ["badtext.policy"] = "no" },
      expect = { findings = { "badtext.rule" } } },
  },
}
