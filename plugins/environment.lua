-- luacheck: no max line length
-- Environment: the CSDDD Annex Part II prohibitions and the pollution item of Annex Part I.
--
-- Covers environmental impact assessment and permits, pollution of water, air and soil that harms
-- people (Annex Part I item 15), mercury (Annex Part II items 3-5, Minamata), persistent organic
-- pollutants (items 6-7, Stockholm), hazardous waste exports (item 10, Basel) and biodiversity,
-- protected areas, World Heritage and Ramsar sites (items 1, 11, 12). Annex Part II items 6 onwards
-- are recalled from the legal text, not checked against the Official Journal; the duty catalogue
-- says so in each entry.

local util = require "util"
local lacking = util.lacking

return module {
  id = "environment",
  title = "Environment",
  version = "1.0.0",
  description = [[
Environmental due diligence against CSDDD Annex Part II (mercury, persistent organic pollutants,
hazardous waste exports, biodiversity, World Heritage and wetlands) and Annex Part I item 15
(pollution and over-use of water that harm people): impact assessment, permits, pollution
monitoring and incidents, and protected areas.]],

  questions = {
    -- Assessment and permits ----------------------------------------------------------------
    { id = "environment.eia", kind = "maturity", weight = 2, evidence = true,
      section = "Assessment and permits",
      text = "Has every site, and every major expansion since, been subject to an environmental and social impact assessment with public consultation, and are its mitigation measures carried out?",
      help = "Yes: an impact assessment for each site or major change, with baseline data, public consultation and a management plan whose measures are tracked. Partial: assessments exist for some sites, or were not followed by a management plan. No: no assessment. Cite the assessment and the management plan.",
      duties = { "CSDDD.A08", "CSDDD.ANX.I1.15", "IRMA.2.1", "IFC.PS1" } },

    { id = "environment.permits", kind = "maturity", weight = 2, evidence = true, required = true,
      section = "Assessment and permits",
      text = "Do all your sites hold valid environmental permits (water use, discharges, emissions, waste), and did they comply with the permit conditions in the reporting period?",
      help = "Yes: a permit register with expiry dates, all permits valid, and no breach of permit conditions, or breaches corrected and reported to the authority. Partial: some permits pending renewal, or breaches not yet corrected. No: sites operate without required permits. Cite the permit register and any notices from authorities.",
      duties = { "CSDDD.ANX.I1.15", "RBA.C1", "IRMA.1.1" } },

    -- Pollution ------------------------------------------------------------------------------
    { id = "environment.pollution.monitoring", kind = "maturity", weight = 2, evidence = true,
      section = "Pollution",
      text = "Do you monitor your water discharges, air emissions and soil contamination against legal limits and health-based standards, and share the results with affected communities?",
      help = "Yes: regular sampling by an accredited laboratory at every discharge point and around the site, results compared with limits and shared publicly or with the communities. Partial: monitoring without sharing, or only some media. No: no monitoring. Cite the monitoring programme and recent results.",
      duties = { "CSDDD.ANX.I1.15", "IRMA.4.2", "IRMA.4.3", "RBA.C2" } },

    { id = "environment.pollution.incidents", kind = "number", min = 0, unit = "incidents", required = true,
      section = "Pollution",
      text = "How many significant pollution incidents (spills, uncontrolled releases, exceedances of permit limits reported to authorities) occurred at your sites in the reporting period?",
      help = "Count every incident that had to be reported to an authority or that reached people, water sources or land outside the site. Enter 0 if none. Not scored: honest reporting is expected; what matters is the follow-up.",
      duties = { "CSDDD.ANX.I1.15", "CSDDD.A11" } },

    { id = "environment.pollution.remediated", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["environment.pollution.incidents"] = 0 },
      section = "Pollution",
      text = "Was every significant incident contained and investigated, were affected people informed, and were the environment and their losses remediated?",
      help = "Yes: for each incident, containment, a root-cause investigation, information to affected people, clean-up and compensation where due. Partial: contained and investigated but not remediated, or people not informed. No: no follow-up. Na: no incidents. Cite the incident reports.",
      duties = { "CSDDD.ANX.I1.15", "CSDDD.A11", "CSDDD.A12", "UNGP.GP22" } },

    -- Hazardous substances and wastes --------------------------------------------------------
    { id = "environment.mercury", kind = "choice", weight = 2, required = true,
      section = "Hazardous substances and wastes",
      text = "Do you use mercury or mercury compounds, or make mercury-added products?",
      help = "Choose the statement that fits all your sites. Processes phased out under the Minamata Convention (for example mercury-cell chlor-alkali production) must no longer use mercury; mercury waste must go to treatment allowed by the Convention. Cite your chemicals inventory and waste manifests.",
      options = {
        { value = "none", label = "No mercury used and no mercury-added products made", score = 1 },
        { value = "controlled", label = "Used only where still lawful, with release controls and licensed waste treatment", score = 0.5 },
        { value = "uncontrolled", label = "Used in a phased-out process, released to the environment, or waste not treated as required", score = 0 },
      },
      duties = { "CSDDD.ANX.II.03", "CSDDD.ANX.II.04", "CSDDD.ANX.II.05", "IRMA.4.8" } },

    { id = "environment.pops", kind = "maturity", evidence = true,
      section = "Hazardous substances and wastes",
      text = "Have you checked your sites for persistent organic pollutants listed under the Stockholm Convention (for example PCB-containing equipment or fire-fighting foams with listed PFAS) and do you phase them out and dispose of them soundly?",
      help = "Yes: an inventory of listed substances and equipment, none in use beyond what the Convention still allows, and disposal by licensed handlers. Partial: inventory done but phase-out or disposal incomplete. No: no inventory. Cite the inventory and disposal certificates.",
      duties = { "CSDDD.ANX.II.06", "CSDDD.ANX.II.07", "RBA.C3" } },

    { id = "environment.waste.export", kind = "choice", weight = 2, required = true,
      section = "Hazardous substances and wastes",
      text = "Do you, or contractors on your behalf, send hazardous or other controlled wastes to other countries?",
      help = "Include wastes sent for recycling. Shipments under the Basel Convention need the prior written consent of the countries concerned and may not go to countries that ban such imports. Cite movement documents or your contractor's records.",
      options = {
        { value = "none", label = "No cross-border shipments of such wastes", score = 1 },
        { value = "basel_consented", label = "Only with prior consent of the countries concerned and to permitted destinations", score = 1 },
        { value = "unconsented", label = "Some shipments without consent or to countries that ban the import", score = 0 },
      },
      duties = { "CSDDD.ANX.II.10" } },

    -- Biodiversity -----------------------------------------------------------------------------
    { id = "environment.biodiversity.sites", kind = "choice", required = true,
      section = "Biodiversity and protected areas",
      text = "Are any of your sites inside, next to or upstream of a protected area, a natural World Heritage site, a Ramsar wetland or a Key Biodiversity Area?",
      help = "Check every site against the official registers of protected areas and World Heritage sites. Next to means close enough to affect the area through water, dust, noise or access (for example within 10 km). Not scored: it decides how much the biodiversity plan matters.",
      options = {
        { value = "none", label = "No site in or near such areas" },
        { value = "adjacent", label = "Next to or upstream of such an area" },
        { value = "inside", label = "Inside such an area" },
      },
      duties = { "CSDDD.ANX.II.11", "CSDDD.ANX.II.12", "CSDDD.ANX.II.01" } },

    { id = "environment.biodiversity.plan", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["environment.biodiversity.sites"] = "none" },
      section = "Biodiversity and protected areas",
      text = "Do you apply the mitigation hierarchy (avoid, minimise, restore, offset) through a biodiversity management plan, and have you committed not to operate in natural World Heritage sites?",
      help = "Yes: a biodiversity baseline and management plan per site with measurable targets, and a public no-go commitment for World Heritage sites. Partial: a plan for some sites, or no commitment on World Heritage. No: none. Cite the plan and the commitment.",
      duties = { "CSDDD.ANX.II.01", "CSDDD.ANX.II.11", "IRMA.4.6", "ICMM.P7", "IFC.PS6" } },
  },

  rules = {
    -- Severity: scale 3, scope 3, irremediable 4 (impacts not foreseen at design stage are often
    -- locked in). Likelihood 3.
    { id = "environment.eia.missing", title = "No environmental and social impact assessment",
      duties = { "CSDDD.A08", "CSDDD.ANX.I1.15", "IRMA.2.1" },
      severity = { scale = 3, scope = 3, irremediable = 4 }, likelihood = 3,
      impact = "potential",
      action = "Ask for an impact assessment with baseline data and public consultation for the sites not covered, and for the resulting management plan.",
      reads = { "environment.eia" },
      when = function(a)
        return lacking(a, "environment.eia")
      end },

    -- Severity: scale 3, scope 3, irremediable 3. Likelihood 3: operating outside permits means
    -- no external control of discharges and emissions.
    { id = "environment.permits.gaps", title = "Sites without valid environmental permits or in breach of them",
      duties = { "CSDDD.ANX.I1.15", "RBA.C1" },
      severity = { scale = 3, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask for the permit register, a timetable to obtain missing permits and correct breaches, and copies of any notices from authorities.",
      reads = { "environment.permits" },
      when = function(a)
        return lacking(a, "environment.permits")
      end },

    -- Severity: scale 4 (health, drinking water), irremediable 3; scope from the count (1-2: 2,
    -- 3-9: 3, 10 or more: 4). Likelihood 5: the incidents happened and their effects were not
    -- dealt with. One impact with the oil spills of the extractives pack (group "pollution").
    { id = "environment.pollution.unremediated", title = "Pollution incidents not contained or remediated",
      duties = { "CSDDD.ANX.I1.15", "CSDDD.A11", "CSDDD.A12" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 5,
      impact = "actual", group = "pollution",
      action = "Ask for the incident reports, independent sampling of affected water and soil, information to affected people and a clean-up and compensation plan within 60 days.",
      reads = { "environment.pollution.incidents", "environment.pollution.remediated" },
      details = { incidents = "%g incident(s) reported." },
      when = function(a)
        local incidents = util.num(a, "environment.pollution.incidents")
        if incidents and incidents > 0 and a["environment.pollution.remediated"] ~= "yes" then
          return { scope = incidents >= 10 and 4 or incidents >= 3 and 3 or 2,
                   detail = { "incidents", incidents } }
        end
      end },

    -- Severity: scale 4 (neurotoxic harm), scope 4 (mercury spreads through water and food
    -- chains), irremediable 4. Likelihood 5: the supplier reports uncontrolled use or release.
    { id = "environment.mercury.uncontrolled", title = "Uncontrolled mercury use or release",
      duties = { "CSDDD.ANX.II.04", "CSDDD.ANX.II.05", "CSDDD.ANX.I1.15" },
      severity = { scale = 4, scope = 4, irremediable = 4 }, likelihood = 5,
      impact = "actual", group = "mercury",
      action = "Require an end to mercury use in phased-out processes, containment of releases and licensed treatment of mercury waste, with a dated plan within 30 days.",
      reads = { "environment.mercury" },
      when = function(a)
        return a["environment.mercury"] == "uncontrolled"
      end },

    -- Severity: scale 4, scope 3, irremediable 4 (persistent pollutants stay in soil and food
    -- chains). Likelihood 2: old equipment and foams are common but exposure is not certain.
    { id = "environment.pops.unmanaged", title = "Persistent organic pollutants not inventoried or phased out",
      duties = { "CSDDD.ANX.II.06", "CSDDD.ANX.II.07" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 2,
      impact = "potential",
      action = "Ask for an inventory of listed persistent organic pollutants (transformers, foams, pesticides) and a phase-out and disposal plan.",
      reads = { "environment.pops" },
      when = function(a)
        return lacking(a, "environment.pops")
      end },

    -- Severity: scale 4, scope 3 (communities around the receiving site), irremediable 4.
    -- Likelihood 4: shipments without consent end up in places unable to treat them.
    { id = "environment.waste.export_unconsented", title = "Hazardous waste exported without Basel consent",
      duties = { "CSDDD.ANX.II.10" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 4,
      impact = "actual",
      action = "Require the supplier to stop unconsented shipments at once, to trace the wastes already shipped and to use only permitted routes with movement documents.",
      reads = { "environment.waste.export" },
      when = function(a)
        return a["environment.waste.export"] == "unconsented"
      end },

    -- Severity: scale 4, scope 4, irremediable 5 (loss of species and habitats). Likelihood 3
    -- for sites next to protected areas, 4 inside them. Sites not checked ("unknown") are judged
    -- by the engine as the worst of the possible answers (information needed).
    { id = "environment.biodiversity.unprotected", title = "Sites in or near protected areas without a biodiversity plan",
      duties = { "CSDDD.ANX.II.01", "CSDDD.ANX.II.11", "CSDDD.ANX.II.12", "IRMA.4.6" },
      severity = { scale = 4, scope = 4, irremediable = 5 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a biodiversity baseline and management plan applying the mitigation hierarchy for the sites concerned, and a no-go commitment for natural World Heritage sites.",
      reads = { "environment.biodiversity.sites", "environment.biodiversity.plan" },
      when = function(a)
        local sites = a["environment.biodiversity.sites"]
        if a["environment.biodiversity.plan"] == "yes" then
          return false
        end
        if sites == "inside" then
          return { likelihood = 4 }
        elseif sites == "adjacent" then
          return true
        end
      end },
  },

  tests = (function()
    local good = {
      ["environment.eia"] = "yes", ["environment.permits"] = "yes",
      ["environment.pollution.monitoring"] = "yes", ["environment.pollution.incidents"] = 1,
      ["environment.pollution.remediated"] = "yes", ["environment.mercury"] = "none",
      ["environment.pops"] = "yes", ["environment.waste.export"] = "basel_consented",
      ["environment.biodiversity.sites"] = "adjacent", ["environment.biodiversity.plan"] = "yes",
    }
    local function with(changes)
      local t = {}
      for k, v in pairs(good) do t[k] = v end
      for k, v in pairs(changes) do t[k] = v end
      return t
    end
    local ALL = { "environment.eia.missing", "environment.permits.gaps", "environment.pollution.unremediated",
                  "environment.mercury.uncontrolled", "environment.pops.unmanaged",
                  "environment.waste.export_unconsented", "environment.biodiversity.unprotected" }
    return {
      { name = "good environmental management raises no finding",
        answers = good, evidence = true,
        expect = { absent = ALL, rating = "A", red_flag = false } },

      { name = "no impact assessment is a finding",
        answers = with { ["environment.eia"] = "no" },
        expect = { findings = { "environment.eia.missing" } } },
      { name = "assessments for some sites only are not flagged",
        answers = with { ["environment.eia"] = "partial" },
        expect = { absent = { "environment.eia.missing" } } },

      { name = "operating without permits is a finding",
        answers = with { ["environment.permits"] = "no" },
        expect = { findings = { "environment.permits.gaps" } } },
      { name = "permits pending renewal are not flagged",
        answers = with { ["environment.permits"] = "partial" },
        expect = { absent = { "environment.permits.gaps" } } },

      { name = "incidents without remediation are an actual impact",
        answers = with { ["environment.pollution.incidents"] = 3, ["environment.pollution.remediated"] = "partial" },
        expect = { findings = { "environment.pollution.unremediated" } } },
      { name = "no incidents: remediation not applicable",
        answers = with { ["environment.pollution.incidents"] = 0, ["environment.pollution.remediated"] = "na" },
        expect = { absent = { "environment.pollution.unremediated" } } },

      { name = "uncontrolled mercury is a finding",
        answers = with { ["environment.mercury"] = "uncontrolled" },
        expect = { findings = { "environment.mercury.uncontrolled" } } },
      { name = "controlled lawful mercury use is not flagged",
        answers = with { ["environment.mercury"] = "controlled" },
        expect = { absent = { "environment.mercury.uncontrolled" } } },

      { name = "no inventory of persistent organic pollutants",
        answers = with { ["environment.pops"] = "unknown" },
        expect = { findings = { "environment.pops.unmanaged" } } },
      { name = "an inventory with incomplete phase-out is not flagged",
        answers = with { ["environment.pops"] = "partial" },
        expect = { absent = { "environment.pops.unmanaged" } } },

      { name = "waste exported without consent",
        answers = with { ["environment.waste.export"] = "unconsented" },
        expect = { findings = { "environment.waste.export_unconsented" } } },
      { name = "no waste exports",
        answers = with { ["environment.waste.export"] = "none" },
        expect = { absent = { "environment.waste.export_unconsented" } } },

      { name = "a site inside a protected area without a plan",
        answers = with { ["environment.biodiversity.sites"] = "inside", ["environment.biodiversity.plan"] = "partial" },
        expect = { findings = { "environment.biodiversity.unprotected" } } },
      { name = "sites not checked against registers",
        answers = with { ["environment.biodiversity.sites"] = "unknown", ["environment.biodiversity.plan"] = "no" },
        expect = { info = { "environment.biodiversity.unprotected" } } },
      { name = "no site near protected areas needs no plan",
        answers = with { ["environment.biodiversity.sites"] = "none", ["environment.biodiversity.plan"] = "na" },
        expect = { absent = { "environment.biodiversity.unprotected" } } },
    }
  end)(),
}
