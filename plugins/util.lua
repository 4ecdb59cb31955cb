-- Small helpers for rules. A helper module: a table of pure functions marked with helper{}
-- (not a module{}: no questions, rules or tests); load it with `local util = require "util"`.
-- Nothing here touches the engine: it only reads the answers table `a` that the engine passes
-- to a rule.

local util = {}

-- true when the list (for example the answer to a multi question) contains value.
-- An unanswered question (nil), "unknown" and "na" contain nothing.
local function has(list, value)
  if type(list) ~= "table" then
    return false
  end
  for _, v in ipairs(list) do
    if v == value then
      return true
    end
  end
  return false
end

-- true when at least one of the answers a[id], for id in ids, equals value.
local function any(a, ids, value)
  for _, id in ipairs(ids) do
    if a[id] == value then
      return true
    end
  end
  return false
end

-- true when every answer a[id], for id in ids, equals value (and ids is not empty).
local function all(a, ids, value)
  if #ids == 0 then
    return false
  end
  for _, id in ipairs(ids) do
    if a[id] ~= value then
      return false
    end
  end
  return true
end

-- true when the answer a[id] equals one of the values that follow.
-- Example: util.is(a, "core.policy.commitment", "no", "unknown")
local function is(a, id, ...)
  local v = a[id]
  for i = 1, select("#", ...) do
    if v == select(i, ...) then
      return true
    end
  end
  return false
end

-- true when the answer says the practice is missing: "no", or "unknown" (a supplier that
-- cannot say is treated as not having it). Unanswered (nil) is a gap in the score; the engine
-- also tries what a blank answer could be (docs/scoring.md, "Missing information").
local function lacking(a, id)
  return is(a, id, "no", "unknown")
end

-- The answer to a number or percent question as a number, or nil when it is unanswered,
-- "unknown" or "na". Rules compare numbers through it: a["x"] > 0 would fail on "unknown".
local function num(a, id)
  local v = a[id]
  if type(v) == "number" then
    return v
  end
  return nil
end

-- true when the answer is missing information: unanswered (nil) or "unknown".
local function missing(a, id)
  local v = a[id]
  return v == nil or v == "unknown"
end

util.has = has
util.any = any
util.all = all
util.is = is
util.lacking = lacking
util.num = num
util.missing = missing

return helper(util)
