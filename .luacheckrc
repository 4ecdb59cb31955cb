-- luacheck configuration for diligo packs and modules.
--
-- The std "diligo" mirrors the sandbox allow-list exactly (engine/sandbox/lhost_sandbox.c:
-- base_allowed, base_bounded, base_wrapped, libs[] minus their blocked fields), plus the names the loader adds
-- (engine/sandbox/lhost_require.c: require, sector, module, catalogue, helper, framework; the
-- catalogue proxy
-- `duties`, engine/sandbox/lhost_catalogue.c). A name the sandbox blocks (load, rawget, io, os,
-- string.dump, math.randomseed, ...) is left out on purpose, so luacheck reports it as an undefined
-- global or field before the engine does. tests/unit/test_allowlist.c fails on any name this list
-- and the sandbox (lhost_allowed) do not share; docs/plugin-api.md lists the same names.

stds.diligo = {
  read_globals = {
    -- base_allowed, and base_bounded (Lua's own, their work charged to the budget)
    "assert", "error", "ipairs", "next", "pairs", "select", "tonumber", "type",
    "rawequal", "rawlen", "_VERSION",
    -- base_wrapped (sandboxed versions of the same names)
    "pcall", "xpcall", "setmetatable", "getmetatable", "tostring", "print",
    -- libs[]: fields as in Debian's Lua 5.4, less the blocked ones
    string = { fields = {
      "byte", "char", "find", "format", "gmatch", "gsub", "len", "lower", "match", "pack",
      "packsize", "rep", "reverse", "sub", "unpack", "upper",
    } },                                                    -- blocked: dump
    table = { fields = {
      "concat", "insert", "move", "pack", "remove", "sort", "unpack",
    } },
    math = { fields = {
      "abs", "acos", "asin", "atan", "atan2", "ceil", "cos", "cosh", "deg", "exp", "floor",
      "fmod", "frexp", "huge", "ldexp", "log", "log10", "max", "maxinteger", "min",
      "mininteger", "modf", "pi", "pow", "rad", "random", "sin", "sinh", "sqrt", "tan", "tanh",
      "tointeger", "type", "ult",
    } },                                                    -- blocked: randomseed
    utf8 = { fields = {
      "char", "charpattern", "codepoint", "codes", "len", "offset",
    } },
    coroutine = { fields = {
      "create", "isyieldable", "resume", "running", "status", "wrap", "yield",
    } },                                                    -- blocked: close
    -- the pack API (engine/sandbox/lhost_require.c, lhost_catalogue.c)
    "require", "sector", "module", "catalogue", "helper", "framework", "duties",
  },
}

std = "diligo"
