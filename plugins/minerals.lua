-- minerals.lua: responsible sourcing of minerals along the five steps of the OECD Due Diligence
-- Guidance for Responsible Supply Chains of Minerals from Conflict-Affected and High-Risk Areas
-- (3rd ed., 2016), for downstream and midstream companies (manufacturers, component makers).
--
-- Method notes for reviewers:
-- * Step 1 (management systems): policy and traceability. Step 2 (identify and assess): reporting
--   templates (RMI CMRT for tin, tantalum, tungsten and gold; RMI EMRT for cobalt, mica and, since
--   EMRT 2.0, copper, graphite, lithium and nickel), CAHRA origin and Annex II risks. Step 3
--   (respond): risk management plan. Step 4 (audit): share of smelters and refiners conformant with
--   an independent audit programme (RMI RMAP, LBMA Responsible Gold, RJC Chain of Custody). Step 5:
--   annual public report.
-- * Sourcing from a CAHRA is not penalised: the OECD guidance expects companies to source
--   responsibly from such areas rather than avoid them. The CAHRA question only scores whether the
--   supplier knows. Identifying Annex II risks also earns the point for Step 2; what matters is the
--   response, which the rules check.
-- * Serious abuses and support to non-state armed groups call for immediate suspension or
--   disengagement under Annex II; the other Annex II risks call for measurable mitigation.

local util = require "util"

local THREE_TG = { "tin", "tantalum", "tungsten", "gold" }
local EMRT_MINERALS = { "cobalt", "mica", "copper", "graphite", "lithium", "nickel" }

-- true when the multi answer `list` contains any of `values`.
local function has_any(list, values)
  for _, v in ipairs(values) do
    if util.has(list, v) then return true end
  end
  return false
end

-- When the minerals questions do not apply: no mineral in scope; the templates, when none of
-- their minerals is.
local NO_MINERALS = { ["minerals.scope"] = "none" }
local NO_3TG = { ["minerals.scope"] = { none_of = THREE_TG } }
local NO_EMRT = { ["minerals.scope"] = { none_of = EMRT_MINERALS } }

return module {
  id = "minerals",
  title = "Responsible minerals sourcing",
  version = "1.0.0",
  description = [[
Due diligence for minerals in the supplier's products along the five OECD steps: supply-chain policy
and traceability, smelter and refiner identification through the RMI reporting templates, sourcing
from conflict-affected and high-risk areas (CAHRAs), the Annex II risks of the OECD model policy, a
risk management plan, independent audits of smelters and refiners, and annual public reporting.]],

  questions = {
    { id = "minerals.scope", kind = "multi", required = true,
      section = "Scope",
      text = "Which of these minerals or metals are contained in, or necessary for, the products you supply?",
      help = "Informational: decides which reporting template applies. Tick every mineral that is "
          .. "intentionally added or needed for the product to work, including in purchased components. "
          .. "Choose 'none' only if none of them is present.",
      options = { "tin", "tantalum", "tungsten", "gold", "cobalt", "mica", "copper", "graphite", "lithium",
                  "nickel", "none" },
      duties = { "OECD.MIN.S2" } },

    { id = "minerals.policy", kind = "maturity", weight = 2, required = true, evidence = true,
      na_when = NO_MINERALS,
      section = "Step 1: management systems",
      text = "Do you have a minerals supply-chain policy consistent with the OECD Annex II model policy, "
          .. "communicated to suppliers and written into supplier contracts?",
      help = "Yes: a public policy covering all Annex II risks (serious abuses, support to non-state armed "
          .. "groups, security forces, bribery, money laundering, taxes), a named senior manager "
          .. "responsible, and supplier contracts that require conformance. Partial: policy without "
          .. "contract clauses, or 3TG only while other minerals in scope are missing. No: none. na: no "
          .. "minerals in scope.",
      duties = { "OECD.MIN.S1", "CSDDD.A07" } },

    { id = "minerals.traceability", kind = "maturity", weight = 2, evidence = true, na_when = NO_MINERALS,
      section = "Step 1: management systems",
      text = "Can you trace the minerals in your products to the smelters and refiners that processed them?",
      help = "Yes: a chain-of-custody system that links your purchases to named smelters and refiners for "
          .. "every mineral in scope, updated at least yearly, with supplier responses covering at least "
          .. "90% of relevant spend. Partial: smelter lists for some minerals or some suppliers. No: not "
          .. "traced. na: no minerals in scope.",
      duties = { "OECD.MIN.S1", "OECD.MIN.S2", "CSDDD.A08" } },

    { id = "minerals.cmrt", kind = "maturity", weight = 2, evidence = true, na_when = NO_3TG,
      section = "Step 2: identify and assess",
      text = "Have you completed a current RMI Conflict Minerals Reporting Template (CMRT) and shared it with "
          .. "your customers?",
      help = "Yes: the current CMRT version, completed at company level with the full smelter list and "
          .. "shared on request (cite the file as evidence). Partial: product-level only, an older "
          .. "version, or smelter list incomplete. No: not completed. na: no tin, tantalum, tungsten or "
          .. "gold in your products.",
      duties = { "OECD.MIN.S2", "OECD.MIN.S5" } },

    { id = "minerals.emrt", kind = "maturity", weight = 2, evidence = true, na_when = NO_EMRT,
      section = "Step 2: identify and assess",
      text = "Have you completed a current RMI Extended Minerals Reporting Template (EMRT) for cobalt, mica "
          .. "and the other minerals it covers, and shared it with your customers?",
      help = "Yes: the current EMRT, covering every EMRT mineral in your products (cobalt and mica; since "
          .. "version 2.0 also copper, natural graphite, lithium and nickel), with the smelter and, where "
          .. "available, mine lists. Partial: some minerals only, or an older version. No: not "
          .. "completed. na: none of these minerals in your products.",
      duties = { "OECD.MIN.S2", "OECD.MIN.S5" } },

    { id = "minerals.cahra", kind = "choice", weight = 2, required = true, na_when = NO_MINERALS,
      section = "Step 2: identify and assess",
      text = "Do minerals in your supply chain originate from, or transit through, conflict-affected or "
          .. "high-risk areas (CAHRAs)?",
      help = "Use your smelters' country-of-origin data (CMRT/EMRT, RMAP reports) and a CAHRA list such as "
          .. "the EU indicative list. Sourcing from a CAHRA is not penalised; not knowing is. 'unknown' "
          .. "means you cannot tell for a material share of your volumes.",
      options = {
        { value = "no", label = "No CAHRA origin or transit (checked)", score = 1 },
        { value = "yes", label = "Yes, some minerals come from or transit CAHRAs", score = 1 },
      },
      duties = { "OECD.MIN.S2", "CSDDD.A08" } },

    { id = "minerals.annex2_risks", kind = "multi", weight = 2, required = true, na_when = NO_MINERALS,
      section = "Step 2: identify and assess",
      text = "Which OECD Annex II risks did your assessment identify in your minerals supply chain in the "
          .. "reporting period?",
      help = "Tick every risk that was identified as present or reasonably likely, at any point in your "
          .. "chain up to the mine, from audits, smelter disclosures, grievances, UN Group of Experts or "
          .. "NGO reports. Tick 'none_identified' only after an assessment, 'not_assessed' if you did not "
          .. "assess. Identifying a risk does not lower your score; not assessing does.",
      options = {
        { value = "serious_abuses", label = "Serious abuses (torture, forced labour, worst forms of child labour, "
            .. "widespread sexual violence, war crimes)", score = 1 },
        { value = "nsag_support", label = "Direct or indirect support to non-state armed groups", score = 1 },
        { value = "security_forces", label = "Illegal control, taxation or abuse by public or private security "
            .. "forces", score = 1 },
        { value = "bribery", label = "Bribery or fraudulent misrepresentation of origin", score = 1 },
        { value = "money_laundering", label = "Money laundering", score = 1 },
        { value = "taxes", label = "Non-payment of taxes, fees and royalties to governments", score = 1 },
        { value = "none_identified", label = "Assessed, none identified", score = 1 },
        { value = "not_assessed", label = "Not assessed", score = 0 },
      },
      duties = { "OECD.MIN.S2", "OECD.MIN.AII.SA", "OECD.MIN.AII.NSAG", "OECD.MIN.AII.SEC",
                 "OECD.MIN.AII.BRIB", "OECD.MIN.AII.AML", "OECD.MIN.AII.TAX" } },

    { id = "minerals.risk_plan", kind = "maturity", weight = 3, evidence = true, na_when = NO_MINERALS,
      section = "Step 3: respond to risks",
      text = "Do you have a risk management plan that reports identified risks to senior management and sets "
          .. "out how you mitigate, suspend or disengage?",
      help = "Yes: a written plan, owned by a senior manager, that sets measurable mitigation targets with "
          .. "deadlines, requires immediate suspension or disengagement from suppliers linked to serious "
          .. "abuses or support to non-state armed groups, and is reviewed at least yearly; cite the plan "
          .. "and a recent escalation case. Partial: escalation steps exist but are not measurable or not "
          .. "applied. No: none. na: no minerals in scope.",
      duties = { "OECD.MIN.S3", "CSDDD.A10", "CSDDD.A11" } },

    { id = "minerals.smelters_identified", kind = "percent", weight = 2, required = true, na_when = NO_MINERALS,
      section = "Step 2: identify and assess",
      text = "What share of the smelters and refiners in your supply chain for the minerals in scope have "
          .. "you identified by name and location?",
      help = "Count the smelters and refiners reported in your suppliers' CMRT and EMRT that are matched to "
          .. "a facility in the RMI smelter list, as a share of all those in your chain. Unidentified "
          .. "smelters cannot be checked at all. Scoring: the share, 0-100% to 0-1. Cite your "
          .. "smelter list.",
      score = function(v) return v / 100 end,
      duties = { "OECD.MIN.S2", "RBA.D7" } },

    { id = "minerals.conformant_share", kind = "percent", weight = 3, required = true, na_when = NO_MINERALS,
      section = "Step 4: independent audits",
      text = "What share of the smelters and refiners in your supply chain are conformant with an independent "
          .. "audit programme (RMI RMAP, LBMA Responsible Gold Guidance, RJC Chain of Custody)?",
      help = "Count smelters and refiners identified in your CMRT/EMRT. Conformant means listed as conformant "
          .. "(not only 'active') on the programme's public list at the end of the period. Score = share / "
          .. "100. Cite the CMRT/EMRT and the date you checked the lists.",
      score = function(v) return v / 100 end,
      duties = { "OECD.MIN.S4" } },

    { id = "minerals.public_report", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["minerals.scope"] = "none", small = true },
      section = "Step 5: report",
      text = "Do you publish an annual report on your minerals supply-chain due diligence?",
      help = "Yes: a public report each year describing your policy, risk assessment, risk management, audits "
          .. "and the smelters and refiners in your chain (for example an EU Regulation 2017/821 Art 7 "
          .. "report or a US conflict minerals report). Partial: a short statement without the "
          .. "assessment results. No: none.",
      duties = { "OECD.MIN.S5", "CSDDD.A16" } },
  },

  rules = {
    -- Severity: scale 5 (torture, forced and child labour, sexual violence, financing of armed
    -- groups), scope 4 (whole mining communities), irremediable 5. Likelihood 4: the supplier has
    -- itself identified the risk but has no plan to suspend or disengage; the OECD guidance expects
    -- an immediate response.
    { id = "minerals.annex2.serious_unmanaged", title = "Serious abuses or armed-group support in the "
          .. "minerals chain without suspension or disengagement",
      duties = { "OECD.MIN.AII.SA", "OECD.MIN.AII.NSAG", "OECD.MIN.S3", "CSDDD.A11" },
      severity = { scale = 5, scope = 4, irremediable = 5 }, likelihood = 4,
      red_flag = true, impact = "actual", group = "minerals_serious_abuse", risks = { "conflict" },
      action = "Require the supplier to suspend immediately, or disengage from, the upstream suppliers and "
          .. "smelters linked to serious abuses or non-state armed groups, to report the case to senior "
          .. "management and to you within 30 days, and to adopt a risk management plan under OECD Step 3.",
      reads = { "minerals.annex2_risks", "minerals.risk_plan" },
      when = function(a)
        local risks = a["minerals.annex2_risks"]
        if has_any(risks, { "serious_abuses", "nsag_support" }) and a["minerals.risk_plan"] ~= "yes" then
          return { questions = { "minerals.annex2_risks", "minerals.risk_plan" } }
        end
      end },

    -- Severity: scale 4 (abuse by security forces, corruption that fuels conflict), scope 3,
    -- irremediable 3. Likelihood 3: risks are identified but no measurable mitigation is in place.
    { id = "minerals.annex2.other_unmanaged", title = "Annex II risks identified without measurable mitigation",
      duties = { "OECD.MIN.AII.SEC", "OECD.MIN.AII.BRIB", "OECD.MIN.AII.AML", "OECD.MIN.AII.TAX",
                 "OECD.MIN.S3", "CSDDD.A10" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a risk management plan with measurable mitigation and deadlines for each identified "
          .. "risk (security forces, bribery, money laundering, taxes), reviewed by senior management, and "
          .. "for progress data within six months.",
      reads = { "minerals.annex2_risks", "minerals.risk_plan" },
      when = function(a)
        local risks = a["minerals.annex2_risks"]
        if has_any(risks, { "security_forces", "bribery", "money_laundering", "taxes" })
            and a["minerals.risk_plan"] ~= "yes" then
          return { questions = { "minerals.annex2_risks", "minerals.risk_plan" } }
        end
      end },

    -- Severity: scale 4 (the chain may finance conflict or abuse), scope 3, irremediable 3.
    -- Likelihood 3; 4 when the minerals are known to come from CAHRAs.
    { id = "minerals.smelters_unaudited", title = "Many smelters and refiners not conformant with an audit "
          .. "programme",
      duties = { "OECD.MIN.S4", "OECD.MIN.S3" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask the supplier to engage every non-conformant smelter or refiner to join RMAP, LBMA or RJC "
          .. "within a set time, and to remove from its chain those that refuse; review the share every "
          .. "six months.",
      reads = { "minerals.conformant_share", "minerals.cahra" },
      details = { cahra = "%g%% conformant, CAHRA sourcing", share = "%g%% conformant" },
      when = function(a)
        local share = util.num(a, "minerals.conformant_share")
        if share and share < 80 then
          if a["minerals.cahra"] == "yes" then
            return { likelihood = 4, detail = { "cahra", share } }
          end
          return { detail = { "share", share }, questions = { "minerals.conformant_share" } }
        end
      end },

    -- Severity: scale 4, scope 3, irremediable 3 (as above). Likelihood 3: without reporting templates
    -- the smelters are unknown, so risks cannot be assessed at all.
    { id = "minerals.templates_missing", title = "Minerals in scope without a reporting template",
      duties = { "OECD.MIN.S2", "OECD.MIN.S1" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a completed current CMRT (tin, tantalum, tungsten, gold) and EMRT (cobalt, mica, "
          .. "copper, graphite, lithium, nickel) for the minerals in scope within 90 days.",
      reads = { "minerals.scope", "minerals.cmrt", "minerals.emrt" },
      details = { missing = "Missing: %s" },
      when = function(a)
        local scope = a["minerals.scope"]
        local missing = {}
        if has_any(scope, THREE_TG) and not util.is(a, "minerals.cmrt", "yes", "partial") then
          missing[#missing + 1] = "CMRT"
        end
        if has_any(scope, EMRT_MINERALS) and not util.is(a, "minerals.emrt", "yes", "partial") then
          missing[#missing + 1] = "EMRT"
        end
        if #missing > 0 then return { detail = { "missing", missing } } end
      end },

    -- Severity: scale 4, scope 3, irremediable 3. Likelihood 3: origin and risks are unknown, so serious
    -- abuses in the chain would go unnoticed.
    { id = "minerals.risks_unassessed", title = "Origin or Annex II risks of minerals not assessed",
      duties = { "OECD.MIN.S2", "CSDDD.A08" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask the supplier to collect country-of-origin data from its smelters and refiners, compare it "
          .. "with a CAHRA list, and assess the Annex II risks within six months.",
      reads = { "minerals.scope", "minerals.cahra", "minerals.annex2_risks" },
      when = function(a)
        local scope = a["minerals.scope"]
        if scope == nil or util.has(scope, "none") then return nil end
        if a["minerals.cahra"] == "unknown" or util.has(a["minerals.annex2_risks"], "not_assessed") then
          return true
        end
      end },

    -- Severity: as for serious abuses (5, 4, 5): minerals known to come from conflict-affected or
    -- high-risk areas whose Annex II risks were not assessed. Under the OECD guidance a reasonable
    -- risk, not proof, calls for a response: in a high-risk context the inability to rule out
    -- serious abuses is itself the red flag. Potential impact; likelihood 4.
    { id = "minerals.cahra.unassessed", title = "CAHRA minerals whose serious-abuse risks were not assessed",
      duties = { "OECD.MIN.S2", "OECD.MIN.AII.SA", "OECD.MIN.AII.NSAG", "CSDDD.A08" },
      severity = { scale = 5, scope = 4, irremediable = 5 }, likelihood = 4,
      red_flag = true, impact = "potential", group = "minerals_serious_abuse", risks = { "conflict" },
      action = "Require an assessment of the Annex II risks of every CAHRA source within 30 days, with "
          .. "on-the-ground information, and a suspension of the sources that cannot be assessed.",
      reads = { "minerals.cahra", "minerals.annex2_risks" },
      when = function(a)
        if a["minerals.cahra"] ~= "yes" then return nil end
        local risks = a["minerals.annex2_risks"]
        if risks == "unknown" or util.has(risks, "not_assessed") then
          return { questions = { "minerals.cahra", "minerals.annex2_risks" } }
        end
      end },

    -- Severity: scale 4, scope 3, irremediable 3. Likelihood 3, 4 for CAHRA minerals: smelters
    -- that are not identified cannot be audited or engaged (OECD Step 2).
    { id = "minerals.smelters_unidentified", title = "Smelters and refiners largely unidentified",
      duties = { "OECD.MIN.S2", "RBA.D7" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask the supplier to obtain smelter lists from its suppliers and match them to the RMI "
          .. "smelter database, reaching at least 90% identified within 12 months.",
      reads = { "minerals.smelters_identified", "minerals.cahra" },
      details = { identified = "%g%% of smelters and refiners identified." },
      when = function(a)
        local share = util.num(a, "minerals.smelters_identified")
        if share and share < 75 then
          return { likelihood = a["minerals.cahra"] == "yes" and 4 or 3,
                   detail = { "identified", share } }
        end
      end },
  },

  tests = {
    { name = "serious abuses without a risk plan are a red flag",
      answers = { ["minerals.annex2_risks"] = { "serious_abuses" }, ["minerals.risk_plan"] = "partial" },
      expect = { findings = { "minerals.annex2.serious_unmanaged" }, red_flag = true } },
    { name = "serious abuses with a risk plan",
      answers = { ["minerals.annex2_risks"] = { "nsag_support", "bribery" }, ["minerals.risk_plan"] = "yes" },
      expect = { absent = { "minerals.annex2.serious_unmanaged", "minerals.annex2.other_unmanaged" },
                 red_flag = false } },
    { name = "bribery risk without a plan",
      answers = { ["minerals.annex2_risks"] = { "bribery", "taxes" }, ["minerals.risk_plan"] = "no" },
      expect = { findings = { "minerals.annex2.other_unmanaged" },
                 absent = { "minerals.annex2.serious_unmanaged" } } },
    { name = "low conformant share",
      answers = { ["minerals.conformant_share"] = 55, ["minerals.cahra"] = "yes" },
      expect = { findings = { "minerals.smelters_unaudited" } } },
    { name = "high conformant share",
      answers = { ["minerals.conformant_share"] = 96, ["minerals.cahra"] = "yes" },
      expect = { absent = { "minerals.smelters_unaudited" } } },
    { name = "3TG without a CMRT",
      answers = { ["minerals.scope"] = { "tin", "gold" }, ["minerals.cmrt"] = "no" },
      expect = { findings = { "minerals.templates_missing" } } },
    { name = "cobalt without an EMRT",
      answers = { ["minerals.scope"] = { "cobalt" }, ["minerals.cmrt"] = "na", ["minerals.emrt"] = "no" },
      expect = { findings = { "minerals.templates_missing" } } },
    { name = "templates completed",
      answers = { ["minerals.scope"] = { "tin", "cobalt" }, ["minerals.cmrt"] = "yes",
                  ["minerals.emrt"] = "partial" },
      expect = { absent = { "minerals.templates_missing" } } },
    { name = "origin unknown",
      answers = { ["minerals.scope"] = { "tantalum" }, ["minerals.cahra"] = "unknown" },
      expect = { findings = { "minerals.risks_unassessed" } } },
    { name = "CAHRA minerals whose risks were not assessed are a red flag",
      answers = { ["minerals.scope"] = { "cobalt" }, ["minerals.cahra"] = "yes",
                  ["minerals.annex2_risks"] = "unknown" },
      expect = { findings = { "minerals.cahra.unassessed" }, red_flag = true } },
    { name = "origin known and risks assessed",
      answers = { ["minerals.scope"] = { "tantalum" }, ["minerals.cahra"] = "yes",
                  ["minerals.annex2_risks"] = { "none_identified" } },
      expect = { absent = { "minerals.risks_unassessed" } } },
    { name = "no minerals in scope",
      answers = { ["minerals.scope"] = { "none" }, ["minerals.cahra"] = "na" },
      expect = { absent = { "minerals.risks_unassessed", "minerals.templates_missing" } } },
  },
}
