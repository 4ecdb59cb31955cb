-- garments.lua: a small sector pack for ready-made garment manufacturing (cut-make-trim factories,
-- knitting, dyeing and washing units). It is the pack written step by step in docs/plugin-guide.md.
--
-- Method notes for reviewers:
-- * The pack composes the shared core due-diligence module and the labour module (forced labour,
--   child labour, hours, wages, health and safety, freedom of association) and adds what is
--   specific to garments: building and fire safety (International Accord), cotton from regions with
--   state-imposed forced labour (Xinjiang, Turkmenistan), unauthorised subcontracting, homeworkers,
--   the buyer's purchasing practices, and wastewater from wet processing.
-- * Severity follows UNGP 14 and 24 (scale, scope, irremediable character, each 1-5); likelihood
--   (1-5) follows CSDDD Art 9 and reflects what the supplier's own answer tells us.
-- * One red flag: cotton that comes, or may come, from a region with state-imposed forced labour.

local util = require "util"
local core = require "core"
local labour = require "labour"

-- Cotton-origin answers that mean the supplier cannot exclude high-risk cotton.
local RISKY_COTTON = { "yes", "possible", "unknown" }

return sector {
  id = "garments",
  title = "Ready-made garments",
  version = "0.1.0",
  authors = { "diligo plugin guide" },
  license = "CC-BY-4.0",
  description = [[
For garment and textile suppliers: cut-make-trim factories and their knitting, dyeing, printing and
washing units. Adds to the core due-diligence and labour modules building and fire safety, cotton
from regions with state-imposed forced labour, unauthorised subcontracting, homeworkers, purchasing
practices and wastewater.]],

  modules = { core, labour },

  questions = {
    -- Building and fire safety --------------------------------------------------------------------
    { id = "garments.building.accord", kind = "choice", weight = 3, required = true,
      section = "Building and fire safety",
      text = "Are all your production buildings covered by the International Accord (or the RMG "
          .. "Sustainability Council in Bangladesh) and how far is their remediation?",
      help = "Choose the status of your worst building. 'complete': every structural, fire and electrical "
          .. "finding closed and verified. 'on_track': covered, remediation within the agreed timeline. "
          .. "'behind': covered, remediation overdue. 'not_covered': at least one building has no "
          .. "independent structural, fire and electrical inspection. Cite the inspection reports.",
      options = {
        { value = "complete", label = "Covered, remediation complete", score = 1 },
        { value = "on_track", label = "Covered, remediation on track", score = 0.75 },
        { value = "behind", label = "Covered, remediation behind schedule", score = 0.25 },
        { value = "not_covered", label = "Not covered by independent inspections", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.01", "UNGP.GP17" } },

    { id = "garments.building.safety_committee", kind = "maturity", weight = 2,
      section = "Building and fire safety",
      text = "Does each factory have a functioning safety committee with elected worker members, trained "
          .. "by an independent programme, that can stop work in unsafe buildings?",
      help = "Yes: committee elected by workers, trained, meets monthly, has used its right to refuse unsafe "
          .. "work. Partial: committee appointed by management, or untrained. No: none.",
      duties = { "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.13" } },

    -- Subcontracting and homeworkers --------------------------------------------------------------
    { id = "garments.subcontracting.units", kind = "choice", weight = 3, required = true,
      section = "Subcontracting and homeworkers",
      text = "In the reporting period, was any part of your customers' orders made in a unit that your "
          .. "customers had not authorised (another factory, a workshop, a home)?",
      help = "Include embroidery, beading, washing and printing. 'none': all production in authorised units. "
          .. "'authorised_only': subcontracting, but only to units disclosed to and approved by customers. "
          .. "'unauthorised': at least one order went to an undisclosed unit.",
      options = {
        { value = "none", label = "All production in our own authorised units", score = 1 },
        { value = "authorised_only", label = "Subcontracting to authorised units only", score = 1 },
        { value = "unauthorised", label = "Some production in unauthorised units", score = 0 },
      },
      duties = { "CSDDD.A08", "CSDDD.A10", "UNGP.GP17" } },

    { id = "garments.homeworkers.status", kind = "choice", weight = 2,
      section = "Subcontracting and homeworkers",
      text = "Do homeworkers do any work on your products, and on what terms?",
      help = "'none': no homework. 'registered': every homeworker is registered by name, has a written "
          .. "agreement and a piece rate that yields at least the minimum wage. 'unregistered': homework "
          .. "through intermediaries or without these terms.",
      options = {
        { value = "none", label = "No homework", score = 1 },
        { value = "registered", label = "Registered homeworkers with written terms", score = 1 },
        { value = "unregistered", label = "Unregistered homework", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.09", "UNGP.GP12" } },

    -- Cotton ---------------------------------------------------------------------------------------
    { id = "garments.cotton.origin", kind = "choice", weight = 3, required = true,
      section = "Cotton",
      text = "Does cotton in the yarn and fabric you use come, or may it come, from Xinjiang (China) or "
          .. "Turkmenistan?",
      help = "'no_traced': excluded by traceability to the gin or farm (chain-of-custody documents or "
          .. "isotope tests). 'no_declared': excluded only by your suppliers' declarations. 'possible': "
          .. "some yarn or fabric comes through spinners or traders that buy from these regions. 'yes': "
          .. "known to contain such cotton.",
      options = {
        { value = "no_traced", label = "Excluded by traceability", score = 1 },
        { value = "no_declared", label = "Excluded by declarations only", score = 0.5 },
        { value = "possible", label = "Possibly contains such cotton", score = 0 },
        { value = "yes", label = "Contains such cotton", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.11", "CSDDD.ANX.I1.12", "UNGP.GP13" } },

    { id = "garments.cotton.traced_share", kind = "percent", weight = 2,
      section = "Cotton",
      text = "What share of the cotton you used (by weight) is traced to its country of origin?",
      help = "Count only cotton with chain-of-custody documents back to the gin, or tested by origin. "
          .. "Scored as the share itself: 80% scores 0.8.",
      score = function(v) return v / 100 end,
      duties = { "CSDDD.A08", "UNGP.GP17" } },

    -- Purchasing practices ---------------------------------------------------------------------
    { id = "garments.purchasing.overtime_cause", kind = "choice", weight = 2,
      section = "Purchasing practices",
      text = "How often did customers' late order changes, short lead times or prices below cost force "
          .. "overtime beyond legal limits or late payment of wages?",
      help = "'never', 'sometimes' (one or two orders in the period) or 'often'. This question is about "
          .. "your customers' practices, which the CSDDD asks companies to adapt (Art 10).",
      options = {
        { value = "never", label = "Never", score = 1 },
        { value = "sometimes", label = "Sometimes", score = 0.5 },
        { value = "often", label = "Often", score = 0 },
      },
      duties = { "CSDDD.A10", "CSDDD.ANX.I1.06" } },

    -- Chemicals and wastewater -------------------------------------------------------------------
    { id = "garments.chemicals.wastewater", kind = "choice", weight = 2,
      section = "Chemicals and wastewater",
      text = "Does wastewater from your dyeing, printing and washing meet the ZDHC Wastewater Guidelines?",
      help = "'conforms': tested in the last 12 months by an approved laboratory and every parameter "
          .. "conforms. 'fails': tested, some parameters fail. 'not_tested': no test. 'no_wet_processing': "
          .. "you and your subcontractors do no wet processing (not applicable).",
      options = { "conforms", "fails", "not_tested", "no_wet_processing" },
      -- A score function instead of option scores, because one option means "not applicable":
      -- returning nil leaves the question out of the score, like a maturity answer "na".
      score = function(v)
        if v == "no_wet_processing" then return nil end
        if v == "conforms" then return 1 end
        if v == "fails" then return 0.25 end
        return 0
      end,
      duties = { "CSDDD.ANX.I1.15", "CSDDD.ANX.II.06" } },
  },

  rules = {
    -- Severity: scale 5 (state-imposed forced labour is among the gravest abuses), scope 5 (whole
    -- regions and populations), irremediable 4 (years of forced work cannot be undone). Likelihood 5
    -- when the supplier says the cotton is there; 4 when it may be there or the supplier does not
    -- know (see the override below). A red flag: it caps the rating at D. Potential (CSDDD Art 10):
    -- the abuse is real, but what the buyer can still prevent is its link to the supplier's yarn.
    { id = "garments.cotton.forced_labour", title = "Cotton from regions with state-imposed forced labour",
      duties = { "CSDDD.ANX.I1.11", "CSDDD.ANX.I1.12", "UNGP.GP13", "UNGP.GP19" },
      severity = { scale = 5, scope = 5, irremediable = 4 }, likelihood = 5,
      red_flag = true, impact = "potential",
      action = "Stop sourcing yarn and fabric from spinners that cannot exclude Xinjiang and Turkmen "
          .. "cotton; map the cotton to the gin for all orders within 90 days; disclose the spinners.",
      when = function(a)
        local origin = a["garments.cotton.origin"]
        if origin == nil then origin = "unknown" end
        if not util.has(RISKY_COTTON, origin) then return nil end
        local share = util.num(a, "garments.cotton.traced_share")
        local detail = "Cotton origin answered '" .. origin .. "'"
        if share then detail = detail .. string.format("; %g%% of cotton traced", share) end
        return { likelihood = origin == "yes" and 5 or 4, detail = detail,
                 questions = { "garments.cotton.origin", "garments.cotton.traced_share" } }
      end },

    -- Severity: scale 5 (a building collapse or fire kills: Rana Plaza, Tazreen), scope 4 (every worker
    -- in the building), irremediable 5 (loss of life). Likelihood 3 when remediation is behind, 4 when
    -- no independent inspection took place at all.
    { id = "garments.building.unsafe", title = "Production buildings not inspected or not remediated",
      duties = { "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.01", "CSDDD.A10" },
      severity = { scale = 5, scope = 4, irremediable = 5 }, likelihood = 3,
      action = "Require independent structural, fire and electrical inspections of every building and a "
          .. "time-bound remediation plan; share its cost through prices; stop orders to buildings "
          .. "found unsafe until they are fixed.",
      when = function(a)
        local status = a["garments.building.accord"]
        if status == "not_covered" then return { likelihood = 4 } end
        return status == "behind"
      end },

    -- Severity: scale 4 (unauthorised units escape every check: child labour, unpaid wages, locked
    -- exits), scope 3, irremediable 3. Likelihood 4: the supplier itself reports it.
    { id = "garments.subcontracting.hidden", title = "Production in unauthorised subcontracted units",
      duties = { "CSDDD.A08", "CSDDD.A10", "UNGP.GP17" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 4,
      action = "Disclose every subcontracted unit within 30 days, bring them into the audit programme, "
          .. "and plan capacity so that orders fit authorised units.",
      when = function(a) return a["garments.subcontracting.units"] == "unauthorised" end },

    -- Severity: scale 3 (pay below the minimum wage, no protection), scope 3, irremediable 2 (back pay
    -- can be made good). Likelihood 3, raised to 4 when age verification is missing, because children
    -- in homeworking families then go unseen (a question of the labour module).
    { id = "garments.homeworkers.unprotected", title = "Homeworkers without registration or written terms",
      duties = { "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.09", "UNGP.GP12" },
      severity = { scale = 3, scope = 3, irremediable = 2 }, likelihood = 3,
      action = "Register every homeworker by name, give written agreements and piece rates that yield at "
          .. "least the minimum wage, and include homeworkers in the grievance mechanism.",
      when = function(a)
        if a["garments.homeworkers.status"] ~= "unregistered" then return false end
        local checks = a["labour.child.age_verification"]
        if checks ~= "yes" then
          return { likelihood = 4, detail = "Age verification answered '" .. tostring(checks) .. "'." }
        end
        return true
      end },
  },

  tests = {
    { name = "cotton that may come from Xinjiang is a red flag",
      answers = { ["garments.cotton.origin"] = "possible", ["garments.cotton.traced_share"] = 20 },
      expect = { findings = { "garments.cotton.forced_labour" }, red_flag = true } },
    { name = "cotton excluded by traceability is no finding",
      answers = { ["garments.cotton.origin"] = "no_traced", ["garments.cotton.traced_share"] = 100 },
      expect = { absent = { "garments.cotton.forced_labour" } } },
    { name = "a building without inspections is a finding",
      answers = { ["garments.building.accord"] = "not_covered" },
      expect = { findings = { "garments.building.unsafe" } } },
    { name = "remediation on track is no finding",
      answers = { ["garments.building.accord"] = "on_track" },
      expect = { absent = { "garments.building.unsafe" } } },
    { name = "unauthorised subcontracting is a finding",
      answers = { ["garments.subcontracting.units"] = "unauthorised" },
      expect = { findings = { "garments.subcontracting.hidden" } } },
    { name = "unregistered homework without age checks",
      answers = { ["garments.homeworkers.status"] = "unregistered",
                  ["labour.child.age_verification"] = "no" },
      expect = { findings = { "garments.homeworkers.unprotected" } } },
    { name = "no wet processing is not applicable",
      answers = { ["garments.chemicals.wastewater"] = "no_wet_processing",
                  ["garments.cotton.origin"] = "no_traced", ["garments.cotton.traced_share"] = 100 },
      expect = { absent = { "garments.cotton.forced_labour" }, red_flag = false } },
  },
}
