-- textiles.lua: sector pack for garments, footwear and home textiles: cut-make-trim factories,
-- spinning, weaving and knitting mills, wet processing (dyeing, printing, washing, finishing),
-- tanneries and footwear assembly.
--
-- Method notes for reviewers:
-- * The pack composes the shared modules (core due-diligence process, labour, environment, human
--   rights defenders) and adds what is specific to the sector: forced labour, including labour
--   imposed by states in cotton-growing regions and bonded labour in spinning mills; wages, wage
--   arrears and freedom of association; building and fire safety (the International Accord);
--   gender-based violence; homeworkers and unauthorised subcontracting; the buyer's purchasing
--   practices; and chemicals and wastewater from wet processing and tanning.
-- * Frameworks added by plugin files: the OECD Due Diligence Guidance for the Garment and Footwear
--   Sector (plugins/oecd_garment.lua), the International Accord (plugins/accord.lua), ILO C29 and
--   P29 for the duty on forced labour (plugins/ilo_forced_labour.lua), and the EU Forced Labour
--   Regulation (plugins/eu_flr.lua), cited as a market-access risk: from 14 December 2027 products
--   made with forced labour may not be placed on the EU market. It is not a duty of the supplier.
-- * Three red flags are specific to the sector: cotton known to come from regions with
--   state-imposed forced labour; forced labour confirmed in spinning mills; fire exits locked or
--   blocked during working hours (the Tazreen fire, 2012). Building collapse risks (Rana Plaza,
--   2013) are critical findings: an uninspected building is not yet a confirmed hazard.
-- * Tailoring (below) weights gender-based violence higher (most workers are women), widens the
--   scope of excessive hours (whole lines work overtime in peak season) and drops the mercury
--   questions, which concern mining.

local util = require "util"
local lacking = util.lacking
local core = require "core"
local labour = require "labour"
local environment = require "environment"
local hrd = require "hrd"
-- Frameworks this pack cites, added to the catalogue by plugin files.
require "oecd_garment"      -- OECD-GF.*
require "accord"            -- ACCORD.*
require "ilo_forced_labour" -- ILO-FL.*
require "eu_flr"            -- EU-FLR.*

-- When the questions on a process do not apply.
local function without_process(...)
  return { ["textiles.processes"] = { none_of = { ... } } }
end

return sector {
  id = "textiles",
  title = "Garments, footwear and home textiles",
  version = "1.0.0",
  authors = { "diligo contributors" },
  license = "CC-BY-4.0",
  description = [[
For makers of garments, footwear and home textiles and their mills, wet-processing units and
tanneries. Adds to the shared modules forced labour (state-imposed labour in cotton, bonded labour in
spinning mills), wages and wage arrears, freedom of association, building and fire safety, gender-based
violence, homeworkers and subcontracting, purchasing practices, and chemicals and wastewater.]],

  modules = { core, labour, environment, hrd },

  tailoring = {
    { question = "labour.gbvh.prevention", weight = 3,
      reason = "Most garment and footwear workers are women, and sexual harassment and gender-based "
          .. "violence are a priority risk of the sector (OECD Garment and Footwear Guidance)." },
    { rule = "labour.hours.excessive", severity = { scope = 4 },
      reason = "In peak season whole production lines work the overtime, not a few workers; the scope "
          .. "is wider than at an average site." },
    { question = "environment.mercury", drop = true,
      reason = "Mercury is used in artisanal gold mining, not in textile or footwear production; "
          .. "chemicals of wet processing are asked in textiles.chemicals.*." },
    { rule = "environment.mercury.uncontrolled", drop = true,
      reason = "Reads only environment.mercury, which this pack drops." },
  },

  questions = {
    -- Profile ---------------------------------------------------------------------------------
    { id = "textiles.products", kind = "multi", required = true,
      section = "Profile",
      text = "What do you make?",
      help = "Informational: tick every product group.",
      options = {
        { value = "garments", label = "Garments" },
        { value = "footwear", label = "Footwear" },
        { value = "home_textiles", label = "Home textiles (bed linen, towels, curtains)" },
      },
      duties = { "CSDDD.A08", "OECD-GF.CORE" } },

    { id = "textiles.processes", kind = "multi", required = true,
      section = "Profile",
      text = "Which processes run at your sites or at units working for you?",
      help = "Informational: decides which questions apply. 'wet_processing' covers dyeing, printing, "
          .. "washing and finishing, denim finishing included.",
      options = {
        { value = "cut_make_trim", label = "Cutting, sewing and finishing (cut-make-trim)" },
        { value = "spinning", label = "Spinning" },
        { value = "weaving_knitting", label = "Weaving or knitting" },
        { value = "wet_processing", label = "Dyeing, printing, washing, finishing" },
        { value = "tanning", label = "Tanning" },
        { value = "footwear_assembly", label = "Footwear assembly" },
      },
      duties = { "CSDDD.A08", "OECD-GF.CORE" } },

    { id = "textiles.fibres", kind = "multi", required = true,
      section = "Profile",
      text = "Which fibres and materials do your products contain?",
      help = "Informational: decides whether the cotton questions apply.",
      options = {
        { value = "cotton", label = "Cotton" },
        { value = "synthetic", label = "Synthetic fibres (polyester, nylon, elastane)" },
        { value = "cellulosic", label = "Viscose and other cellulosic fibres" },
        { value = "wool", label = "Wool and other animal fibres" },
        { value = "leather", label = "Leather" },
      },
      duties = { "CSDDD.A08", "OECD-GF.CORE" } },

    -- Forced labour ---------------------------------------------------------------------------
    { id = "textiles.cotton.origin", kind = "choice", weight = 3, required = true, evidence = true,
      na_when = { ["textiles.fibres"] = { none_of = { "cotton" } } },
      section = "Forced labour",
      text = "Does cotton in your yarn and fabric come, or may it come, from regions where forced labour "
          .. "is imposed by the state (the Xinjiang Uyghur Autonomous Region of China, Turkmenistan)?",
      help = "'no_traced': excluded by traceability to the gin or farm (chain-of-custody documents, "
          .. "isotope or DNA tests). 'no_declared': excluded by suppliers' declarations only. "
          .. "'possible': some yarn or fabric comes through spinners or traders that buy from these "
          .. "regions. 'yes': known to contain such cotton. From 14 December 2027 products made with "
          .. "forced labour, state-imposed included, may not be placed on the EU market "
          .. "(Regulation (EU) 2024/3015). na: no cotton.",
      options = {
        { value = "no_traced", label = "Excluded by traceability", score = 1 },
        { value = "no_declared", label = "Excluded by declarations only", score = 0.5 },
        { value = "possible", label = "Possibly contains such cotton", score = 0 },
        { value = "yes", label = "Contains such cotton", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.11", "ILO-FL.C29.A2", "EU-FLR.A02", "OECD-GF.FORCED" } },

    { id = "textiles.cotton.traced_share", kind = "percent", weight = 2,
      na_when = { ["textiles.fibres"] = { none_of = { "cotton" } } },
      section = "Forced labour",
      text = "What share of the cotton you used (by weight) is traced to its country of origin?",
      help = "Count cotton with chain-of-custody documents from the gin. Scored as the share. na: no "
          .. "cotton.",
      score = function(v) return v / 100 end,
      duties = { "CSDDD.A08", "OECD-GF.FORCED", "ILO-FL.P29.A2E" } },

    { id = "textiles.forced.spinning_mills", kind = "choice", weight = 3, required = true,
      na_when = without_process("spinning", "weaving_knitting"),
      section = "Forced labour",
      text = "Are there signs of bonded labour at your spinning or knitting mills, or those you buy "
          .. "from: young women recruited for a lump sum paid at the end of a multi-year contract, "
          .. "confined to hostels, or unable to leave?",
      help = "Such schemes are documented in spinning mills in southern India. 'none_found': "
          .. "confidential interviews with hostel residents found none (cite the check). "
          .. "'not_checked': no check. 'possible': indications not resolved. 'found': confirmed. "
          .. "na: no spinning, weaving or knitting.",
      options = {
        { value = "none_found", label = "None found in worker interviews", score = 1 },
        { value = "not_checked", label = "Not checked", score = 0 },
        { value = "possible", label = "Indications not resolved", score = 0 },
        { value = "found", label = "Confirmed", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.11", "ILO-FL.C29.A2", "ILO-FL.P29.A2D", "OECD-GF.FORCED" } },

    { id = "textiles.forced.hostels", kind = "maturity", weight = 2, evidence = true,
      section = "Forced labour",
      text = "Where workers live in hostels you or your suppliers run, can they come and go freely, keep "
          .. "their documents and phones, and are they paid their full wage every month?",
      help = "Yes: checked through interviews with residents in the period. Partial: some hostels or "
          .. "some points. No: not so, or not checked. Answer yes if no worker lives in such hostels "
          .. "and say so in the comment.",
      duties = { "CSDDD.ANX.I1.11", "CSDDD.ANX.I1.07", "OECD-GF.FORCED" } },

    -- Wages and freedom of association --------------------------------------------------------
    { id = "textiles.wages.minimum_paid", kind = "maturity", weight = 3, required = true, evidence = true,
      section = "Wages and freedom of association",
      text = "Is every worker, including piece-rate, trainee and temporary workers, paid at least the "
          .. "legal minimum wage for normal hours, with overtime paid at the legal premium?",
      help = "Yes: payroll records checked for all categories of worker. Partial: some categories or "
          .. "sites fall short. No: not so. Cite the payroll audit.",
      duties = { "CSDDD.ANX.I1.06", "OECD-GF.WAGES" } },

    { id = "textiles.wages.arrears", kind = "choice", weight = 2, required = true,
      section = "Wages and freedom of association",
      text = "Were wages, overtime, bonuses or severance paid late or left unpaid in the period?",
      help = "'none': all paid on time. 'paid_late': paid late, since settled in full. 'unpaid': "
          .. "amounts still owed to workers, including after a factory closure.",
      options = {
        { value = "none", label = "All paid on time", score = 1 },
        { value = "paid_late", label = "Paid late, settled in full", score = 0.5 },
        { value = "unpaid", label = "Amounts still owed", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.06", "OECD-GF.WAGES" } },

    { id = "textiles.foa.criminal_cases", kind = "choice", weight = 3, required = true,
      section = "Wages and freedom of association",
      text = "In the last two years, did you or the authorities file criminal complaints against, or call "
          .. "the police on, workers or union leaders over protests, strikes or organising?",
      help = "'none': none. 'withdrawn': complaints filed and since withdrawn, with no worker "
          .. "dismissed for the protest. 'yes': complaints or arrests that stand.",
      options = {
        { value = "none", label = "None", score = 1 },
        { value = "withdrawn", label = "Filed and withdrawn", score = 0.5 },
        { value = "yes", label = "Complaints or arrests that stand", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.13", "OECD-GF.FOA", "UNGP.GP23" } },

    -- Building and fire safety ----------------------------------------------------------------
    { id = "textiles.building.inspection", kind = "choice", weight = 3, required = true, evidence = true,
      section = "Building and fire safety",
      text = "Have your buildings been inspected for structural, fire and electrical safety by "
          .. "independent qualified engineers, and where is remediation?",
      help = "'accord_on_track': inspected under the International Accord, the RMG Sustainability "
          .. "Council or the Pakistan Accord, remediation on track (cite the published corrective "
          .. "action plan). 'independent_on_track': another independent engineering inspection, "
          .. "remediation on track. 'behind': hazards found, remediation behind schedule. 'none': no "
          .. "such inspection.",
      options = {
        { value = "accord_on_track", label = "Accord or RSC inspection, remediation on track", score = 1 },
        { value = "independent_on_track", label = "Other independent inspection, on track", score = 0.75 },
        { value = "behind", label = "Hazards found, remediation behind schedule", score = 0.25 },
        { value = "none", label = "No independent inspection", score = 0 },
      },
      duties = { "ACCORD.CHECKS", "ACCORD.REMEDIATE", "OECD-GF.OSH", "CSDDD.ANX.I1.06" } },

    { id = "textiles.building.structure", kind = "choice", weight = 2, required = true,
      section = "Building and fire safety",
      text = "What kind of building houses production?",
      help = "'purpose_built': built as a factory, with approved plans and load limits. 'converted': a "
          .. "converted or shared building (homes, shops or other factories below or above), or floors "
          .. "added later. Structural risk is highest in converted and extended buildings.",
      options = {
        { value = "purpose_built", label = "Purpose-built factory", score = 1 },
        { value = "converted", label = "Converted, shared or extended building", score = 0.25 },
      },
      duties = { "ACCORD.CHECKS", "OECD-GF.OSH", "CSDDD.ANX.I1.01" } },

    { id = "textiles.fire.exits", kind = "choice", weight = 3, required = true, evidence = true,
      section = "Building and fire safety",
      text = "Are fire exits unlocked and unobstructed during working hours, with alarms and drills?",
      help = "'all_clear': exits open and clear on every check, alarms tested, drills on every shift in "
          .. "the period. 'fixed': locked or blocked exits found in the period and fixed. "
          .. "'locked_or_blocked': exits locked or blocked during working hours and not fixed.",
      options = {
        { value = "all_clear", label = "All clear, alarms and drills", score = 1 },
        { value = "fixed", label = "Problems found and fixed", score = 0.5 },
        { value = "locked_or_blocked", label = "Exits locked or blocked, not fixed", score = 0 },
      },
      duties = { "OECD-GF.OSH", "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.06" } },

    { id = "textiles.safety.refuse_unsafe", kind = "maturity", weight = 2, evidence = true,
      section = "Building and fire safety",
      text = "Do workers know they may refuse unsafe work, and leave a building they believe unsafe, "
          .. "without losing pay or being punished?",
      help = "The right is part of the International Accord. Yes: written policy, trained workers, and "
          .. "cases handled without penalty. Partial: policy only. No: none.",
      duties = { "ACCORD.REFUSE", "CSDDD.ANX.I1.06" } },

    { id = "textiles.safety.complaints", kind = "maturity", weight = 2, evidence = true,
      section = "Building and fire safety",
      text = "Can workers raise safety concerns through an independent channel outside the factory "
          .. "management, such as the Accord's or the RSC's complaints mechanism?",
      help = "Yes: workers know the channel, complaints are investigated independently and results "
          .. "published. Partial: a channel run by management only. No: none.",
      duties = { "ACCORD.COMPLAINTS", "CSDDD.A14", "UNGP.GP31.b" } },

    -- Gender-based violence -------------------------------------------------------------------
    { id = "textiles.gbv.committee", kind = "maturity", weight = 2, evidence = true,
      section = "Gender-based violence",
      text = "Is there an anti-harassment committee, with women workers elected by their peers, that "
          .. "receives complaints, and are supervisors held to account for abuse linked to "
          .. "production targets?",
      help = "Yes: an elected committee with a majority of women, trained, with cases logged and "
          .. "supervisors disciplined where complaints are upheld. Partial: a committee appointed by "
          .. "management, or no follow-up of supervisors. No: none.",
      duties = { "OECD-GF.SGBV", "CSDDD.ANX.I1.14", "CSDDD.ANX.I2.CEDAW" } },

    -- Homeworkers and subcontracting ----------------------------------------------------------
    { id = "textiles.subcontracting.units", kind = "choice", weight = 3, required = true, evidence = true,
      section = "Homeworkers and subcontracting",
      text = "Do you pass any production (embroidery, beading, washing, whole orders) to other units, "
          .. "and are they disclosed to your customers and checked?",
      help = "'none': all production in your own sites. 'disclosed_checked': every unit disclosed to "
          .. "customers and audited. 'disclosed': disclosed, not checked. 'undisclosed': some units "
          .. "not disclosed to customers.",
      options = {
        { value = "none", label = "No subcontracting", score = 1 },
        { value = "disclosed_checked", label = "All units disclosed and checked", score = 1 },
        { value = "disclosed", label = "Disclosed, not checked", score = 0.5 },
        { value = "undisclosed", label = "Some units not disclosed", score = 0 },
      },
      duties = { "OECD-GF.CORE", "CSDDD.A08", "CSDDD.A10" } },

    { id = "textiles.homeworkers.used", kind = "choice", required = true,
      section = "Homeworkers and subcontracting",
      text = "Does any of your production, or that of your subcontractors, reach homeworkers?",
      help = "Informational: decides whether the homeworker questions apply.",
      options = {
        { value = "no", label = "No" },
        { value = "yes", label = "Yes" },
      },
      duties = { "OECD-GF.HOME" } },

    { id = "textiles.homeworkers.protections", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["textiles.homeworkers.used"] = "no" },
      section = "Homeworkers and subcontracting",
      text = "Are homeworkers registered with you, paid piece rates that let them earn at least the "
          .. "minimum wage for the time worked, paid on time, and free of child labour?",
      help = "Yes: a register of homeworkers, piece rates set from time studies, payment records, and "
          .. "visits checking that no children work. Partial: some of these. No: none. Cutting "
          .. "homeworkers out is not the answer the OECD Guidance expects. na: no homeworkers.",
      duties = { "OECD-GF.HOME", "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.09" } },

    { id = "textiles.homeworkers.mapped", kind = "percent", weight = 1,
      na_when = { ["textiles.homeworkers.used"] = "no" },
      section = "Homeworkers and subcontracting",
      text = "What share of the homeworkers in your chain have you mapped (who they are, where, for which "
          .. "orders)?",
      help = "Scored as the share. na: no homeworkers.",
      score = function(v) return v / 100 end,
      duties = { "OECD-GF.HOME", "CSDDD.A08" } },

    -- Purchasing practices --------------------------------------------------------------------
    { id = "textiles.purchasing.overtime_cause", kind = "choice", weight = 2, required = true,
      section = "Purchasing practices",
      text = "In the period, was overtime above the legal limit caused by your customers' purchasing "
          .. "practices (late order changes, short lead times, late approvals)?",
      help = "'no': no overtime above the limit, or none caused by customers. 'sometimes': in some "
          .. "peaks, after late changes. 'chronic': most months. Name the practices in the comment.",
      options = {
        { value = "no", label = "No", score = 1 },
        { value = "sometimes", label = "Sometimes, after late changes", score = 0.5 },
        { value = "chronic", label = "Most months", score = 0 },
      },
      duties = { "OECD-GF.CORE", "OECD-GF.HOURS", "CSDDD.A10" } },

    { id = "textiles.purchasing.labour_costing", kind = "maturity", weight = 2, evidence = true,
      section = "Purchasing practices",
      text = "Do you cost labour separately in your prices (including wage increases), and do your "
          .. "customers accept that labour cost without negotiating it down?",
      help = "Yes: labour cost shown separately in quotations, updated for wage increases, and accepted "
          .. "by the main customers (cite a costing sheet). Partial: shown but negotiated down. No: "
          .. "not costed separately.",
      duties = { "OECD-GF.CORE", "OECD-GF.WAGES", "ACCORD.REMEDIATE", "CSDDD.A10" } },

    { id = "textiles.purchasing.own_suppliers", kind = "maturity", weight = 1,
      section = "Purchasing practices",
      text = "Do your own prices and lead times to subcontractors and mills let them pay wages and keep "
          .. "working hours within limits?",
      help = "Yes: reviewed with them at least yearly, with changes made. Partial: reviewed without "
          .. "changes. No: not considered.",
      duties = { "OECD-GF.CORE", "CSDDD.A10" } },

    -- Chemicals and wastewater ----------------------------------------------------------------
    { id = "textiles.chemicals.mrsl", kind = "maturity", weight = 2, evidence = true,
      na_when = without_process("wet_processing", "tanning"),
      section = "Chemicals and wastewater",
      text = "Do you keep a chemical inventory and apply a manufacturing restricted substances list "
          .. "(for example the ZDHC MRSL) to every chemical bought?",
      help = "Yes: a complete inventory with safety data sheets, every chemical checked against the "
          .. "list, and conformance certificates from chemical suppliers. Partial: inventory without "
          .. "checks. No: none. na: no wet processing or tanning.",
      duties = { "OECD-GF.CHEM", "CSDDD.ANX.II.06", "CSDDD.ANX.I1.15" } },

    { id = "textiles.wastewater", kind = "choice", weight = 3, required = true, evidence = true,
      na_when = without_process("wet_processing", "tanning"),
      section = "Chemicals and wastewater",
      text = "Does your wastewater meet its discharge permit and industry limits, tested in the last "
          .. "six months?",
      help = "'conforms': tested by an accredited laboratory, every parameter within the permit and, "
          .. "for example, the ZDHC wastewater guidelines (cite the report). 'fails': some parameters "
          .. "above the limits. 'not_tested': no test in the last six months. na: no wet processing or "
          .. "tanning.",
      options = {
        { value = "conforms", label = "Tested, within limits", score = 1 },
        { value = "fails", label = "Tested, some limits exceeded", score = 0.25 },
        { value = "not_tested", label = "Not tested", score = 0 },
      },
      duties = { "OECD-GF.WATER", "OECD-GF.CHEM", "CSDDD.ANX.I1.15" } },

    { id = "textiles.sandblasting", kind = "choice", weight = 3,
      na_when = without_process("wet_processing"),
      section = "Chemicals and wastewater",
      text = "Is sandblasting used to finish denim, at your sites or at units working for you?",
      help = "Sandblasting exposes workers to crystalline silica, which causes silicosis, an incurable "
          .. "lung disease. 'never': banned and checked at every unit. 'used': used anywhere in the "
          .. "chain. na: no wet processing.",
      options = {
        { value = "never", label = "Banned and checked", score = 1 },
        { value = "used", label = "Used", score = 0 },
      },
      duties = { "OECD-GF.OSH", "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.01" } },

    { id = "textiles.tanning.chromium", kind = "maturity", weight = 2, evidence = true,
      na_when = without_process("tanning"),
      section = "Chemicals and wastewater",
      text = "At tanneries, is hexavalent chromium prevented in leather and is chromium in effluent and "
          .. "sludge treated and disposed of safely?",
      help = "Yes: process controls and tests of leather for chromium VI, effluent treatment for "
          .. "chromium, and sludge disposal by licensed handlers. Partial: some of these. No: none. "
          .. "na: no tanning.",
      duties = { "OECD-GF.CHEM", "CSDDD.ANX.I1.15", "CSDDD.ANX.I1.06" } },

    { id = "textiles.water.use", kind = "maturity", weight = 1,
      na_when = without_process("wet_processing", "tanning"),
      section = "Chemicals and wastewater",
      text = "Do you measure and reduce the water you take, in particular where water is scarce or shared "
          .. "with communities?",
      help = "Yes: metered withdrawal per unit of output, reduction targets, and a water-risk "
          .. "assessment of the basin. Partial: metering only. No: none. na: no wet processing or "
          .. "tanning.",
      duties = { "OECD-GF.WATER", "CSDDD.ANX.I1.15" } },
  },

  rules = {
    -- Severity: scale 5 (state-imposed forced labour is among the gravest abuses), scope 5 (whole
    -- regions and populations), irremediable 4 (years of forced work cannot be undone). Likelihood
    -- 5: the supplier knows the cotton is there. A red flag: an actual, severe impact in the chain,
    -- and from 14 December 2027 such products may not be placed on the EU market.
    { id = "textiles.cotton.state_forced_labour",
      title = "Cotton from regions with state-imposed forced labour",
      duties = { "CSDDD.ANX.I1.11", "ILO-FL.C29.A2", "EU-FLR.A03", "CSDDD.A11" },
      severity = { scale = 5, scope = 5, irremediable = 4 }, likelihood = 5,
      red_flag = true, impact = "actual", group = "forced_labour", risks = { "forced_labour" },
      action = "Stop buying yarn and fabric that contain cotton from these regions, map all cotton to the "
          .. "gin within 90 days, and disclose the spinners; products made with it cannot enter the EU "
          .. "market from 14 December 2027.",
      reads = { "textiles.cotton.origin", "textiles.cotton.traced_share" },
      details = { traced = "%g%% of cotton traced" },
      when = function(a)
        if a["textiles.cotton.origin"] ~= "yes" then return nil end
        local share = util.num(a, "textiles.cotton.traced_share")
        return { detail = share and { "traced", share } or nil,
                 questions = { "textiles.cotton.origin", "textiles.cotton.traced_share" } }
      end },

    -- Severity: as above. Likelihood 4 when the supplier says the cotton may be there; 3 when it
    -- relies on declarations. Potential: not known to be there.
    { id = "textiles.cotton.not_excluded",
      title = "Cotton from regions with state-imposed forced labour not excluded",
      duties = { "CSDDD.ANX.I1.11", "ILO-FL.C29.A2", "EU-FLR.A03", "CSDDD.A10" },
      severity = { scale = 5, scope = 5, irremediable = 4 }, likelihood = 3,
      impact = "potential", group = "forced_labour", risks = { "forced_labour" },
      action = "Trace cotton to the gin (chain-of-custody documents, isotope or DNA tests) for all "
          .. "orders within six months and drop spinners that cannot exclude these regions.",
      reads = { "textiles.cotton.origin" },
      when = function(a)
        local v = a["textiles.cotton.origin"]
        if v == "possible" then return { likelihood = 4 } end
        if v == "no_declared" then return true end
      end },

    -- Severity: scale 3 (untraced cotton hides forced labour and blocks market access), scope 3,
    -- irremediable 3. Likelihood 3 when less than half is traced.
    { id = "textiles.cotton.untraced", title = "Most cotton not traced to its country of origin",
      duties = { "CSDDD.A08", "ILO-FL.P29.A2E", "EU-FLR.DATABASE" },
      severity = { scale = 3, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential", group = "forced_labour",
      action = "Trace cotton to its country of origin with chain-of-custody documents from the gin, "
          .. "starting with the largest spinners.",
      reads = { "textiles.cotton.traced_share" },
      details = { traced = "%g%% of cotton traced" },
      when = function(a)
        local share = util.num(a, "textiles.cotton.traced_share")
        if share and share < 50 then
          return { detail = { "traced", share } }
        end
      end },

    -- Severity: scale 5 (bonded labour of young women), scope 4 (hostels hold hundreds), irremediable
    -- 4. Likelihood 5: confirmed. A red flag: actual and severe.
    { id = "textiles.forced.bonded_mill_workers", title = "Bonded labour confirmed at spinning or knitting mills",
      duties = { "CSDDD.ANX.I1.11", "ILO-FL.C29.A2", "EU-FLR.A03", "CSDDD.A11" },
      severity = { scale = 5, scope = 4, irremediable = 4 }, likelihood = 5,
      red_flag = true, impact = "actual", group = "forced_labour", risks = { "forced_labour" },
      action = "Pay every worker the wages held back at once, end the lump-sum schemes, let workers "
          .. "leave the hostels freely, provide remedy through an independent organisation, and suspend "
          .. "orders to the mills concerned until verified.",
      reads = { "textiles.forced.spinning_mills" },
      when = function(a)
        return a["textiles.forced.spinning_mills"] == "found"
      end },

    -- Severity: as above. Likelihood 4 with unresolved indications, 3 without any check.
    { id = "textiles.forced.mills_unchecked", title = "Bonded labour at mills not ruled out",
      duties = { "CSDDD.ANX.I1.11", "ILO-FL.P29.A2E", "CSDDD.A10" },
      severity = { scale = 5, scope = 4, irremediable = 4 }, likelihood = 3,
      impact = "potential", group = "forced_labour",
      action = "Interview hostel residents at the mills confidentially, through an organisation they "
          .. "trust, within three months.",
      reads = { "textiles.forced.spinning_mills" },
      when = function(a)
        local v = a["textiles.forced.spinning_mills"]
        if v == "possible" then return { likelihood = 4 } end
        if v == "not_checked" then return true end
      end },

    -- Severity: scale 4 (restricted movement and withheld pay are forced-labour indicators),
    -- scope 3, irremediable 3. Likelihood 3.
    { id = "textiles.forced.hostel_restrictions", title = "Hostel residents' freedom or pay not assured",
      duties = { "CSDDD.ANX.I1.11", "CSDDD.ANX.I1.07", "CSDDD.A10" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential", group = "forced_labour",
      action = "Let residents come and go at any time, return documents and phones, pay full wages "
          .. "monthly, and check through resident interviews within three months.",
      reads = { "textiles.forced.hostels" },
      when = function(a)
        return lacking(a, "textiles.forced.hostels")
      end },

    -- Severity: scale 4 (workers below the legal minimum cannot meet basic needs), scope 4,
    -- irremediable 2 (repayable). Likelihood 5 when workers are not paid the minimum, 4 when some
    -- categories are not. Actual: the supplier reports it.
    { id = "textiles.wages.below_minimum", title = "Workers paid below the legal minimum wage",
      duties = { "CSDDD.ANX.I1.06", "OECD-GF.WAGES", "CSDDD.A11" },
      severity = { scale = 4, scope = 4, irremediable = 2 }, likelihood = 5,
      impact = "actual", group = "wages",
      action = "Pay every worker at least the minimum wage and the overtime premium from the next pay "
          .. "period, repay the shortfall of the last 12 months, and verify through payroll records.",
      reads = { "textiles.wages.minimum_paid" },
      when = function(a)
        local v = a["textiles.wages.minimum_paid"]
        if v == "no" then return true end
        if v == "partial" then return { likelihood = 4 } end
      end },

    -- Severity: scale 4, scope 4, irremediable 3 (workers lose income they are owed, often when a
    -- factory closes). Likelihood 5.
    { id = "textiles.wages.arrears_unpaid", title = "Wages or severance still owed to workers",
      duties = { "CSDDD.ANX.I1.06", "OECD-GF.WAGES", "CSDDD.A11", "CSDDD.A12" },
      severity = { scale = 4, scope = 4, irremediable = 3 }, likelihood = 5,
      impact = "actual", group = "wages",
      action = "Pay all amounts owed within 30 days; where the supplier cannot, buyers contribute in "
          .. "proportion to their orders.",
      reads = { "textiles.wages.arrears" },
      when = function(a)
        return a["textiles.wages.arrears"] == "unpaid"
      end },

    -- Severity: scale 4 (arrest and prosecution for organising), scope 3, irremediable 4. Likelihood
    -- 5: the supplier reports it.
    { id = "textiles.foa.criminalised", title = "Workers or union leaders prosecuted over protests or organising",
      duties = { "CSDDD.ANX.I1.13", "OECD-GF.FOA", "CSDDD.A11" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 5,
      impact = "actual", group = "foa_repression",
      action = "Withdraw the complaints filed by the company, support the release of those detained, "
          .. "reinstate workers dismissed for the protest, and agree a protocol with the unions for "
          .. "future disputes.",
      reads = { "textiles.foa.criminal_cases" },
      when = function(a)
        return a["textiles.foa.criminal_cases"] == "yes"
      end },

    -- Severity: scale 5 (a fire or collapse kills), scope 5 (everyone in the building), irremediable
    -- 5. Likelihood 4: locked or blocked exits during working hours. A red flag: no score should
    -- average away locked exits. Potential: no fire has happened.
    { id = "textiles.fire.exits_blocked", title = "Fire exits locked or blocked during working hours",
      duties = { "OECD-GF.OSH", "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.06", "CSDDD.A10" },
      severity = { scale = 5, scope = 5, irremediable = 5 }, likelihood = 4,
      red_flag = true, impact = "potential", group = "building_fire",
      action = "Unlock and clear every exit at once, check daily during working hours, and suspend "
          .. "orders until an independent check confirms it.",
      reads = { "textiles.fire.exits" },
      when = function(a)
        return a["textiles.fire.exits"] == "locked_or_blocked"
      end },

    -- Severity: scale 5, scope 5, irremediable 5 (Rana Plaza: over 1,100 dead). Likelihood 3 for a
    -- purpose-built factory never inspected; 4 for a converted or extended building, where collapse
    -- risk is highest. Critical or high; not a red flag: an uninspected building is an unknown, not
    -- a confirmed hazard.
    { id = "textiles.building.uninspected", title = "Building never inspected by independent engineers",
      duties = { "ACCORD.CHECKS", "OECD-GF.OSH", "CSDDD.ANX.I1.01", "CSDDD.A10" },
      severity = { scale = 5, scope = 5, irremediable = 5 }, likelihood = 3,
      impact = "potential", group = "building_fire",
      action = "Have the building inspected for structural, fire and electrical safety by independent "
          .. "qualified engineers within 60 days (under the International Accord where it operates) "
          .. "and publish the corrective action plan.",
      reads = { "textiles.building.inspection", "textiles.building.structure" },
      when = function(a)
        if a["textiles.building.inspection"] ~= "none" then return nil end
        if a["textiles.building.structure"] == "converted" then return { likelihood = 4 } end
        return true
      end },

    -- Severity: scale 5, scope 5, irremediable 5. Likelihood 4: hazards are known and not fixed.
    { id = "textiles.building.remediation_behind", title = "Known building hazards not remediated on time",
      duties = { "ACCORD.REMEDIATE", "ACCORD.CHECKS", "CSDDD.ANX.I1.01", "CSDDD.A10" },
      severity = { scale = 5, scope = 5, irremediable = 5 }, likelihood = 4,
      impact = "potential", group = "building_fire",
      action = "Complete the remediation of the hazards found, most severe first, with buyers' "
          .. "financial support where needed; evacuate areas with structural hazards until fixed.",
      reads = { "textiles.building.inspection" },
      when = function(a)
        return a["textiles.building.inspection"] == "behind"
      end },

    -- Severity: scale 4 (workers kept in unsafe buildings), scope 4, irremediable 4. Likelihood 2:
    -- the right matters when a hazard appears (Rana Plaza's workers were ordered back in).
    { id = "textiles.safety.no_right_to_refuse", title = "Workers cannot refuse unsafe work",
      duties = { "ACCORD.REFUSE", "CSDDD.ANX.I1.06", "CSDDD.A10" },
      severity = { scale = 4, scope = 4, irremediable = 4 }, likelihood = 2,
      impact = "potential",
      action = "Adopt and announce the right to refuse unsafe work without loss of pay, and train "
          .. "workers and supervisors on it.",
      reads = { "textiles.safety.refuse_unsafe" },
      when = function(a)
        return lacking(a, "textiles.safety.refuse_unsafe")
      end },

    -- Severity: scale 4 (undisclosed units escape every check: child labour, unsafe buildings),
    -- scope 3, irremediable 3. Likelihood 4.
    { id = "textiles.subcontracting.hidden", title = "Production passed to undisclosed units",
      duties = { "OECD-GF.CORE", "CSDDD.A08", "CSDDD.A10" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 4,
      impact = "potential",
      action = "Disclose every unit to customers and have each checked for safety, child labour and "
          .. "wages; plan capacity so that orders are not passed on without approval.",
      reads = { "textiles.subcontracting.units" },
      when = function(a)
        return a["textiles.subcontracting.units"] == "undisclosed"
      end },

    -- Severity: scale 3 (pay below the minimum, child labour at home), scope 3, irremediable 2.
    -- Likelihood 3.
    { id = "textiles.homeworkers.unprotected", title = "Homeworkers without protection",
      duties = { "OECD-GF.HOME", "CSDDD.ANX.I1.06", "CSDDD.A10" },
      severity = { scale = 3, scope = 3, irremediable = 2 }, likelihood = 3,
      impact = "potential",
      action = "Register homeworkers, set piece rates from time studies so they earn at least the "
          .. "minimum wage, pay on time, and check for child labour, without cutting them out.",
      reads = { "textiles.homeworkers.used", "textiles.homeworkers.protections" },
      when = function(a)
        if a["textiles.homeworkers.used"] ~= "yes" then return nil end
        return lacking(a, "textiles.homeworkers.protections")
      end },

    -- Severity: scale 3 (excessive hours and fatigue), scope 4, irremediable 2. Likelihood 4 when
    -- chronic, 3 after late changes. CSDDD Art 10 names changes to purchasing practices.
    { id = "textiles.purchasing.overtime_pressure", title = "Customers' purchasing practices drive excessive overtime",
      duties = { "OECD-GF.CORE", "OECD-GF.HOURS", "CSDDD.A10" },
      severity = { scale = 3, scope = 4, irremediable = 2 }, likelihood = 4,
      impact = "actual",
      action = "Share the order-change and lead-time records with customers and agree changes "
          .. "(earlier approvals, realistic lead times, no penalties for delays they cause).",
      reads = { "textiles.purchasing.overtime_cause" },
      when = function(a)
        local v = a["textiles.purchasing.overtime_cause"]
        if v == "chronic" then return true end
        if v == "sometimes" then return { likelihood = 3 } end
      end },

    -- Severity: scale 4 (untreated effluent from dyeing and tanning poisons rivers, fields and
    -- drinking water), scope 4, irremediable 3. Likelihood 5 when limits are exceeded; 3 when not
    -- tested. Grouped with the environment module's pollution rules.
    { id = "textiles.wastewater.failing", title = "Wastewater above limits or not tested",
      duties = { "OECD-GF.WATER", "CSDDD.ANX.I1.15", "CSDDD.A11" },
      severity = { scale = 4, scope = 4, irremediable = 3 }, likelihood = 5,
      impact = "actual", group = "pollution",
      action = "Bring effluent within limits (treatment capacity, operation, chemical substitution), "
          .. "test by an accredited laboratory every six months, and publish results.",
      reads = { "textiles.wastewater" },
      when = function(a)
        local v = a["textiles.wastewater"]
        if v == "fails" then return true end
        if v == "not_tested" then return { likelihood = 3 } end
      end },

    -- Severity: scale 3, scope 3, irremediable 3. Likelihood 3.
    { id = "textiles.chemicals.unmanaged", title = "Chemicals not inventoried or checked against a restricted list",
      duties = { "OECD-GF.CHEM", "CSDDD.ANX.II.06", "CSDDD.A10" },
      severity = { scale = 3, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Build a chemical inventory with safety data sheets and check every chemical against a "
          .. "manufacturing restricted substances list within six months.",
      reads = { "textiles.chemicals.mrsl" },
      when = function(a)
        return lacking(a, "textiles.chemicals.mrsl")
      end },

    -- Severity: scale 5 (silicosis is incurable and fatal), scope 3, irremediable 5. Likelihood 5:
    -- the supplier reports it.
    { id = "textiles.sandblasting.used", title = "Denim sandblasting",
      duties = { "OECD-GF.OSH", "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.01", "CSDDD.A11" },
      severity = { scale = 5, scope = 3, irremediable = 5 }, likelihood = 5,
      impact = "actual",
      action = "Stop sandblasting at every unit at once, and give exposed workers medical screening "
          .. "for silicosis and support.",
      reads = { "textiles.sandblasting" },
      when = function(a)
        return a["textiles.sandblasting"] == "used"
      end },

    -- Severity: scale 4 (chromium VI harms workers and communities), scope 3, irremediable 4.
    -- Likelihood 3.
    { id = "textiles.tanning.chromium_uncontrolled", title = "Chromium at tanneries not controlled",
      duties = { "OECD-GF.CHEM", "CSDDD.ANX.I1.15", "CSDDD.A10" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 3,
      impact = "potential", group = "pollution",
      action = "Control chromium VI formation, treat chromium in effluent, dispose of sludge through "
          .. "licensed handlers, and test leather and effluent.",
      reads = { "textiles.tanning.chromium" },
      when = function(a)
        return lacking(a, "textiles.tanning.chromium")
      end },

    -- Severity: scale 4, scope 3, irremediable 4, as the labour module rates gender-based violence.
    -- Likelihood 3. Grouped with the labour module's gbvh rules.
    { id = "textiles.gbv.no_committee", title = "No worker-led anti-harassment committee",
      duties = { "OECD-GF.SGBV", "CSDDD.ANX.I1.14", "CSDDD.A10" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 3,
      impact = "potential", group = "gbvh",
      action = "Set up an anti-harassment committee with elected women workers, train it, and hold "
          .. "supervisors to account for abuse, within six months.",
      reads = { "textiles.gbv.committee" },
      when = function(a)
        return lacking(a, "textiles.gbv.committee")
      end },
  },

  tests = {
    { name = "cotton known to come from Xinjiang is a red flag",
      answers = { ["textiles.fibres"] = { "cotton" }, ["textiles.cotton.origin"] = "yes",
                  ["textiles.cotton.traced_share"] = 20 },
      expect = { findings = { "textiles.cotton.state_forced_labour" }, red_flag = true } },
    { name = "cotton that may come from Xinjiang is not excluded",
      answers = { ["textiles.fibres"] = { "cotton" }, ["textiles.cotton.origin"] = "possible" },
      expect = { findings = { "textiles.cotton.not_excluded" },
                 absent = { "textiles.cotton.state_forced_labour" } } },
    { name = "cotton excluded by traceability is no finding",
      answers = { ["textiles.fibres"] = { "cotton" }, ["textiles.cotton.origin"] = "no_traced",
                  ["textiles.cotton.traced_share"] = 100 },
      expect = { absent = { "textiles.cotton.state_forced_labour", "textiles.cotton.not_excluded",
                            "textiles.cotton.untraced" } } },
    { name = "little cotton traced",
      answers = { ["textiles.fibres"] = { "cotton" }, ["textiles.cotton.traced_share"] = 10 },
      expect = { findings = { "textiles.cotton.untraced" } } },
    { name = "bonded labour at mills is a red flag",
      answers = { ["textiles.processes"] = { "spinning" }, ["textiles.forced.spinning_mills"] = "found" },
      expect = { findings = { "textiles.forced.bonded_mill_workers" }, red_flag = true } },
    { name = "mills not checked",
      answers = { ["textiles.processes"] = { "spinning" }, ["textiles.forced.spinning_mills"] = "not_checked" },
      expect = { findings = { "textiles.forced.mills_unchecked" } } },
    { name = "hostels restrict residents",
      answers = { ["textiles.forced.hostels"] = "no" },
      expect = { findings = { "textiles.forced.hostel_restrictions" } } },
    { name = "below the minimum wage",
      answers = { ["textiles.wages.minimum_paid"] = "no" },
      expect = { findings = { "textiles.wages.below_minimum" } } },
    { name = "wages owed",
      answers = { ["textiles.wages.arrears"] = "unpaid" },
      expect = { findings = { "textiles.wages.arrears_unpaid" } } },
    { name = "wages paid in full and on time",
      answers = { ["textiles.wages.arrears"] = "none", ["textiles.wages.minimum_paid"] = "yes" },
      expect = { absent = { "textiles.wages.arrears_unpaid", "textiles.wages.below_minimum" } } },
    { name = "workers prosecuted for a strike",
      answers = { ["textiles.foa.criminal_cases"] = "yes" },
      expect = { findings = { "textiles.foa.criminalised" } } },
    { name = "locked fire exits are a red flag",
      answers = { ["textiles.fire.exits"] = "locked_or_blocked" },
      expect = { findings = { "textiles.fire.exits_blocked" }, red_flag = true } },
    { name = "a converted building never inspected",
      answers = { ["textiles.building.inspection"] = "none", ["textiles.building.structure"] = "converted" },
      expect = { findings = { "textiles.building.uninspected" } } },
    { name = "Accord remediation on track: no building finding",
      answers = { ["textiles.building.inspection"] = "accord_on_track", ["textiles.building.structure"] = "converted",
                  ["textiles.fire.exits"] = "all_clear" },
      expect = { absent = { "textiles.building.uninspected", "textiles.building.remediation_behind",
                            "textiles.fire.exits_blocked" } } },
    { name = "remediation behind schedule",
      answers = { ["textiles.building.inspection"] = "behind" },
      expect = { findings = { "textiles.building.remediation_behind" } } },
    { name = "no right to refuse unsafe work",
      answers = { ["textiles.safety.refuse_unsafe"] = "no" },
      expect = { findings = { "textiles.safety.no_right_to_refuse" } } },
    { name = "undisclosed subcontracting",
      answers = { ["textiles.subcontracting.units"] = "undisclosed" },
      expect = { findings = { "textiles.subcontracting.hidden" } } },
    { name = "unprotected homeworkers",
      answers = { ["textiles.homeworkers.used"] = "yes", ["textiles.homeworkers.protections"] = "no" },
      expect = { findings = { "textiles.homeworkers.unprotected" } } },
    { name = "no homeworkers: no homeworker finding",
      answers = { ["textiles.homeworkers.used"] = "no", ["textiles.homeworkers.protections"] = "na" },
      expect = { absent = { "textiles.homeworkers.unprotected" } } },
    { name = "chronic overtime from customers' practices",
      answers = { ["textiles.purchasing.overtime_cause"] = "chronic" },
      expect = { findings = { "textiles.purchasing.overtime_pressure" } } },
    { name = "wastewater above limits",
      answers = { ["textiles.processes"] = { "wet_processing" }, ["textiles.wastewater"] = "fails" },
      expect = { findings = { "textiles.wastewater.failing" } } },
    { name = "no wet processing: wastewater does not apply",
      answers = { ["textiles.processes"] = { "cut_make_trim" }, ["textiles.wastewater"] = "na",
                  ["textiles.chemicals.mrsl"] = "na", ["textiles.sandblasting"] = "na" },
      expect = { absent = { "textiles.wastewater.failing", "textiles.chemicals.unmanaged",
                            "textiles.sandblasting.used" } } },
    { name = "sandblasting",
      answers = { ["textiles.processes"] = { "wet_processing" }, ["textiles.sandblasting"] = "used" },
      expect = { findings = { "textiles.sandblasting.used" } } },
    { name = "tannery chromium not controlled",
      answers = { ["textiles.processes"] = { "tanning" }, ["textiles.tanning.chromium"] = "no" },
      expect = { findings = { "textiles.tanning.chromium_uncontrolled" } } },
    { name = "chemicals not inventoried",
      answers = { ["textiles.processes"] = { "wet_processing" }, ["textiles.chemicals.mrsl"] = "no" },
      expect = { findings = { "textiles.chemicals.unmanaged" } } },
    { name = "no anti-harassment committee",
      answers = { ["textiles.gbv.committee"] = "no" },
      expect = { findings = { "textiles.gbv.no_committee" } } },
  },
}
