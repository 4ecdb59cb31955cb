-- A helper module two packs share (uses_shared.lua reads it, module_tamper.lua tries to change it).
local M = { flag = false }
function M.flagged()
  return M.flag
end
return helper(M)
