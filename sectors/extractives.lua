-- extractives.lua: sector pack for oil and gas (exploration, production, pipelines, LNG, refining)
-- and the contractors that operate assets for them.
--
-- Method notes for reviewers:
-- * The pack composes the shared modules (core due-diligence process, community and security forces,
--   environment, human rights defenders, labour) and adds what is specific to oil and gas: FPIC from
--   the exploration stage, indigenous peoples in voluntary isolation, oil spills and spill response,
--   routine flaring and methane, offshore discharges, support to public security forces guarding
--   pipelines and facilities, revenue and payments transparency (EITI), decommissioning and its
--   financial assurance, divestment of assets with open liabilities, and community health.
-- * Spill figures follow the common industry convention of counting operational hydrocarbon spills of
--   more than one barrel (159 litres). Spills are also pollution incidents: the environment module's
--   incident question counts them with other releases.
-- * Climate: routine flaring and methane are scored here for their effect on the health of nearby
--   communities (CSDDD Annex Part I item 15, IFC PS3). The CSDDD climate transition plan duty
--   (Art 22) was deleted by Omnibus I and is not cited.
-- * Three red flags are specific to this sector: operations in the territory of indigenous peoples in
--   voluntary isolation; a major spill (1,000 barrels or more) not remediated; and continued support
--   to public security units credibly accused of grave abuses without any response.

local util = require "util"
local lacking = util.lacking
local core = require "core"
local community = require "community"
local environment = require "environment"
local hrd = require "hrd"
local labour = require "labour"

-- A spill of this many barrels or more is treated as major.
local MAJOR_SPILL_BBL = 1000

-- true when the supplier reports at least one spill in the period.
local function had_spills(a)
  local n, v = util.num(a, "extractives.spills.count"), util.num(a, "extractives.spills.volume")
  return (n ~= nil and n > 0) or (v ~= nil and v > 0)
end

-- When the spill questions do not apply: no spill in the period.
local NO_SPILLS = { ["extractives.spills.count"] = 0 }

return sector {
  id = "extractives",
  title = "Oil and gas",
  version = "1.0.0",
  authors = { "diligo contributors" },
  license = "CC-BY-4.0",
  description = [[
For oil and gas companies and the contractors that operate their assets: exploration, production,
pipelines, LNG and refining. Adds to the shared modules FPIC from exploration onwards and indigenous
peoples in voluntary isolation, oil spills and spill response, routine flaring and methane, offshore
discharges, public security forces guarding pipelines, revenue and payments transparency (EITI,
beneficial ownership, contracts), decommissioning and financial assurance, divestment, and community
health and emergency preparedness.]],

  modules = { core, community, environment, hrd, labour },

  questions = {
    -- Operations ------------------------------------------------------------------------------
    { id = "extractives.operations", kind = "multi", required = true,
      section = "Operations",
      text = "Which kinds of oil and gas operations do you run or operate for others?",
      help = "Informational: decides which questions apply (for example offshore discharges). Tick every "
          .. "kind you operate or service in the reporting period.",
      options = { "exploration", "onshore", "offshore", "unconventional", "pipelines", "lng", "refining" },
      duties = { "CSDDD.A08" } },

    -- Indigenous peoples and FPIC -------------------------------------------------------------
    { id = "extractives.fpic.exploration", kind = "maturity", weight = 3, required = true, evidence = true,
      na_when = { ["community.indigenous_land"] = "no", ["extractives.operations"] = { none_of = { "exploration" } } },
      section = "Indigenous peoples and FPIC",
      text = "Where exploration (seismic surveys, exploratory wells, access roads) affects indigenous "
          .. "peoples' lands, do you seek their free, prior and informed consent before it starts?",
      help = "Yes: consent sought before seismic or exploratory work, not only before production, through "
          .. "the people's own institutions, with information on impacts in their language and the option "
          .. "to say no; cite the agreement or process record (may be confidential). Partial: "
          .. "consultation at exploration, consent only sought later. No: no process before exploration. "
          .. "na: no exploration on or near indigenous lands.",
      duties = { "CSDDD.ANX.I1.16", "CSDDD.ANX.I2.UNDRIP", "ILO.C169", "IFC.PS7", "UNGP.GP18" } },

    { id = "extractives.indigenous.isolation", kind = "choice", weight = 3, required = true,
      section = "Indigenous peoples and FPIC",
      text = "Do any of your blocks, concessions or pipelines overlap or adjoin the territory of indigenous "
          .. "peoples in voluntary isolation or initial contact?",
      help = "Use government registers, indigenous organisations' maps and specialist NGO data. "
          .. "'no_go' means the overlapping area is excluded from all activity by a binding, published "
          .. "commitment. 'operating' means any activity (including seismic, overflights, access roads) "
          .. "takes place in or next to such a territory.",
      options = {
        { value = "no", label = "No overlap (checked)", score = 1 },
        { value = "no_go", label = "Overlap, excluded by a binding no-go commitment", score = 1 },
        { value = "operating", label = "Activities in or next to such territory", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.16", "CSDDD.ANX.I2.UNDRIP", "ILO.C169", "CSDDD.ANX.I1.01" } },

    { id = "extractives.fpic.benefit_sharing", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["community.indigenous_land"] = "no" },
      section = "Indigenous peoples and FPIC",
      text = "Have you agreed benefit-sharing and impact-management terms with affected indigenous peoples "
          .. "and communities, and do you report on them?",
      help = "Yes: written agreements negotiated with the communities' chosen representatives, with "
          .. "independent advice paid for by you, a joint monitoring committee and yearly reporting on "
          .. "what was delivered. Partial: agreements without joint monitoring, or with some communities "
          .. "only. No: none. na: no affected indigenous peoples or communities.",
      duties = { "IFC.PS7", "CSDDD.ANX.I2.UNDRIP", "UNGP.GP18" } },

    -- Spills and spill response ---------------------------------------------------------------
    { id = "extractives.spills.count", kind = "number", min = 0, unit = "spills", required = true,
      section = "Spills and spill response",
      text = "How many operational hydrocarbon spills of more than one barrel occurred in the reporting "
          .. "period?",
      help = "Informational, used by the rules: count oil, condensate and refined-product spills above one "
          .. "barrel (159 litres) from your facilities, pipelines and vessels, including those caused by "
          .. "theft or sabotage (say so in the comment). 0 if none.",
      duties = { "CSDDD.ANX.I1.15", "IFC.PS3" } },

    { id = "extractives.spills.volume", kind = "number", min = 0, unit = "barrels", weight = 2, required = true,
      na_when = NO_SPILLS,
      section = "Spills and spill response",
      text = "What total volume of hydrocarbons was spilled in those spills, in barrels?",
      help = "Sum of the spills counted above, before recovery. Scoring: 0 = full marks, under 100 "
          .. "barrels = 0.75, under 1,000 = 0.25, 1,000 or more = none. Cite the spill register or the "
          .. "sustainability report.",
      score = function(v)
        if v == 0 then return 1 elseif v < 100 then return 0.75 elseif v < MAJOR_SPILL_BBL then return 0.25 end
        return 0
      end,
      duties = { "CSDDD.ANX.I1.15", "IFC.PS3" } },

    { id = "extractives.spills.remediated", kind = "maturity", weight = 3, evidence = true,
      na_when = NO_SPILLS,
      section = "Spills and spill response",
      text = "Were all spills cleaned up to an agreed standard, verified independently, and were affected "
          .. "people compensated?",
      help = "Yes: every spill site cleaned to a standard agreed with regulators and communities, verified "
          .. "by an independent party, with compensation for lost fishing, farming or water paid. Partial: "
          .. "clean-up done but not verified, or compensation outstanding. No: not remediated. na: no "
          .. "spills in the period and none left open from earlier years.",
      duties = { "CSDDD.ANX.I1.15", "CSDDD.A11", "CSDDD.A12", "UNGP.GP22" } },

    { id = "extractives.spills.response_plan", kind = "maturity", weight = 2, evidence = true, required = true,
      section = "Spills and spill response",
      text = "Do you have a tested oil spill response plan for each asset, including alerting and protecting "
          .. "nearby communities?",
      help = "Yes: a plan sized to the worst credible spill (tiered response), equipment and contracts with a "
          .. "response organisation, exercises at least yearly, and community alert and compensation "
          .. "procedures agreed with local authorities. Partial: plan exists but is untested or does not "
          .. "cover communities. No: none.",
      duties = { "IFC.PS4", "IFC.PS3", "CSDDD.ANX.I1.15", "CSDDD.A10" } },

    -- Flaring and venting ---------------------------------------------------------------------
    { id = "extractives.flaring.routine", kind = "choice", weight = 2, evidence = true,
      section = "Flaring, venting and methane",
      text = "What is the status of routine gas flaring at your production sites?",
      help = "Routine flaring means flaring of associated gas during normal production for lack of a use or "
          .. "market, not safety flaring. 'zrf' means you have endorsed the World Bank Zero Routine Flaring "
          .. "by 2030 initiative and have a dated reduction plan; 'plan' means a reduction plan without "
          .. "that commitment. Cite the plan and the flaring data.",
      options = {
        { value = "none", label = "No routine flaring", score = 1 },
        { value = "zrf", label = "Zero Routine Flaring by 2030 endorsed, with a plan", score = 0.75 },
        { value = "plan", label = "Reduction plan without that commitment", score = 0.5 },
        { value = "no_plan", label = "Routine flaring, no reduction plan", score = 0 },
      },
      duties = { "IFC.PS3", "CSDDD.ANX.I1.15" } },

    { id = "extractives.flaring.share", kind = "percent", weight = 2,
      section = "Flaring, venting and methane",
      text = "What share of the associated gas you produced was flared or vented in the reporting period?",
      help = "Flared plus vented volume divided by associated gas produced, all sites together. Scoring: 1% "
          .. "or less = full marks, up to 5% = 0.75, up to 20% = 0.25, more = none. Cite the flaring "
          .. "report; if you report in cubic metres, give the figures in the comment.",
      score = function(v)
        if v <= 1 then return 1 elseif v <= 5 then return 0.75 elseif v <= 20 then return 0.25 end
        return 0
      end,
      duties = { "IFC.PS3", "CSDDD.ANX.I1.15" } },

    { id = "extractives.methane.ldar", kind = "maturity", weight = 1,
      section = "Flaring, venting and methane",
      text = "Do you find and repair methane leaks and measure methane emissions at source?",
      help = "Yes: regular leak detection and repair at all sites, elimination of routine venting, and "
          .. "measurement-based reporting (for example at OGMP 2.0 level 4 or 5). Partial: leak surveys "
          .. "at some sites, or estimates only. No: none.",
      duties = { "IFC.PS3", "OECD.RBC.S3" } },

    -- Offshore --------------------------------------------------------------------------------
    { id = "extractives.offshore.discharges", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["extractives.operations"] = { none_of = { "offshore" } } },
      section = "Offshore discharges",
      text = "Do offshore discharges (produced water, drilling muds and cuttings, vessel waste) meet MARPOL "
          .. "and the applicable regional sea rules, with no dumping?",
      help = "Yes: discharges treated and monitored against permit limits and MARPOL annexes, oil-based "
          .. "cuttings shipped to shore, no disposal of wastes at sea, and results reported to regulators. "
          .. "Partial: monitoring gaps or permit exceedances in the period. No: not controlled. na: no "
          .. "offshore operations.",
      duties = { "CSDDD.ANX.II.13", "CSDDD.ANX.II.14", "CSDDD.ANX.I1.15" } },

    -- Security forces -------------------------------------------------------------------------
    { id = "extractives.security.public_support", kind = "choice", weight = 2, required = true,
      section = "Security forces",
      text = "Do you pay, house, transport or equip public security forces (police, military) that guard "
          .. "your facilities or pipelines, and on what terms?",
      help = "'agreement' means any support is given under a written agreement that sets human rights and "
          .. "use-of-force conditions, and the support is disclosed (for example in your payments report "
          .. "or VPSHR report). 'undisclosed' means support without such an agreement or not disclosed. "
          .. "Cite the agreement (may be confidential).",
      options = {
        { value = "none", label = "No support to public security", score = 1 },
        { value = "agreement", label = "Support under a written, disclosed agreement", score = 1 },
        { value = "undisclosed", label = "Support without agreement or not disclosed", score = 0 },
      },
      duties = { "VPSHR.PUB", "IFC.PS4", "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.02" } },

    { id = "extractives.security.abusive_units", kind = "choice", weight = 3, required = true,
      section = "Security forces",
      text = "In the last five years, have public security units deployed to protect your operations been "
          .. "credibly accused of killings, torture, sexual violence or arbitrary detention?",
      help = "Credible sources include UN bodies, national human rights institutions, courts and established "
          .. "NGOs. 'acted' means you raised the allegations with the authorities, asked for the units to "
          .. "be replaced or investigated, made further support conditional, and recorded the outcome. "
          .. "'no_action' means the allegations are known and support or cooperation continues unchanged.",
      options = {
        { value = "no", label = "No such allegations (checked)", score = 1 },
        { value = "acted", label = "Allegations, and you acted on them", score = 0.5 },
        { value = "no_action", label = "Allegations, no action taken", score = 0 },
      },
      duties = { "VPSHR.RA", "VPSHR.PUB", "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.02", "UNGP.GP19" } },

    { id = "extractives.security.protests", kind = "maturity", weight = 2, evidence = true,
      section = "Security forces",
      text = "Do you respond to peaceful protest and blockades near your sites through dialogue rather than "
          .. "force, and tell security forces so?",
      help = "Yes: a written protocol that favours dialogue, rules out requesting the dispersal of peaceful "
          .. "protest, limits any use of force to what is strictly necessary and proportionate, and is "
          .. "shared with public and private security; cite the protocol. Partial: informal practice only. "
          .. "No: none.",
      duties = { "CSDDD.ANX.I1.13", "CSDDD.ANX.I1.03", "VPSHR.PUB", "VPSHR.PRIV" } },

    { id = "extractives.security.vetting", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["extractives.security.public_support"] = "none" },
      section = "Security forces",
      text = "Before you give any support to public security units (payments, fuel, vehicles, lodging), do you "
          .. "check the human rights record of the units and commanders concerned, and refuse support to "
          .. "those credibly implicated in abuses?",
      help = "Yes: a written vetting procedure (sources: UN and NGO reports, media, the authorities), applied "
          .. "before each support agreement and renewal, with refusals recorded. Partial: checks without a "
          .. "procedure, or after support started. No: no vetting. Na: no support to public security.",
      duties = { "VPSHR.RA", "VPSHR.PUB", "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.02" } },

    -- Conflict-affected areas, partners, process safety, seafarers ----------------------------
    { id = "extractives.cahra.exposure", kind = "choice", required = true,
      section = "Conflict-affected areas and partners",
      text = "Do any of your operations, pipelines or shipping routes lie in conflict-affected or high-risk areas?",
      help = "Areas of armed conflict, widespread violence or collapse of governance, for example on the EU's "
          .. "indicative list of conflict-affected and high-risk areas. Not scored: it decides whether "
          .. "heightened due diligence applies.",
      options = { { value = "yes", label = "Yes" }, { value = "no", label = "No, checked" } },
      duties = { "UNGP.GP07", "UNGP.GP23", "CSDDD.A08" } },

    { id = "extractives.cahra.heightened_dd", kind = "maturity", weight = 3, evidence = true,
      na_when = { ["extractives.cahra.exposure"] = "no" },
      section = "Conflict-affected areas and partners",
      text = "Where you operate in conflict-affected or high-risk areas, do you carry out heightened, "
          .. "conflict-sensitive due diligence: a conflict analysis, attention to international humanitarian "
          .. "law, and a plan for how your presence, security and payments affect the conflict?",
      help = "Yes: a conflict analysis updated at least yearly, with the actors, the dividing issues and your "
          .. "role in them; human rights and humanitarian law risks assessed; responsible exit planned. "
          .. "Partial: a security risk assessment without conflict analysis. No: none. Na: no such areas.",
      duties = { "UNGP.GP07", "UNGP.GP23", "UNGP.GP17", "CSDDD.A08" } },

    { id = "extractives.partners.dd", kind = "maturity", weight = 2, evidence = true, required = true,
      section = "Conflict-affected areas and partners",
      text = "Do you carry out human rights and environmental due diligence on your state-owned and "
          .. "joint-venture partners and on operators of assets you do not operate, and use your leverage "
          .. "in the joint operating agreement?",
      help = "Yes: due diligence before entering a partnership and at renewals, human rights clauses in "
          .. "joint operating agreements, and documented use of leverage where partners fall short. "
          .. "Partial: due diligence on some partners only. No: none.",
      duties = { "UNGP.GP19", "UNGP.GP13", "OECD.RBC.S2", "CSDDD.A10" } },

    { id = "extractives.process_safety.tier1", kind = "number", min = 0, unit = "events", required = true,
      section = "Process safety",
      text = "How many Tier 1 process safety events (loss of primary containment with the most serious "
          .. "consequences, as defined by API RP 754 and IOGP Report 456) occurred in the reporting period?",
      help = "Count every Tier 1 event at the assets you operate. Enter 0 if none. Not scored: the follow-up "
          .. "and the management system are.",
      duties = { "IFC.PS4", "IFC.PS2", "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.01" } },

    { id = "extractives.process_safety.management", kind = "maturity", weight = 3, evidence = true, required = true,
      section = "Process safety",
      text = "Do you run a process safety management system (hazard identification, barrier management, "
          .. "integrity of equipment, management of change, learning from Tier 1 and Tier 2 events)?",
      help = "Yes: a documented system at every operated asset, audited in the last three years, with Tier 1 "
          .. "and 2 events investigated to root cause. Partial: some assets, or no audit. No: none.",
      duties = { "IFC.PS4", "IFC.PS2", "CSDDD.ANX.I1.06", "CSDDD.A10" } },

    { id = "extractives.seafarers", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["extractives.operations"] = { none_of = { "offshore", "lng" } } },
      section = "Conflict-affected areas and partners",
      text = "Are seafarers on the vessels you own or charter covered by the Maritime Labour Convention "
          .. "standards (wages paid, repatriation, shore leave, hours of rest, no abandonment), checked in "
          .. "your vetting of ship owners and manning agencies?",
      help = "Yes: MLC certificates checked for every vessel, charter clauses on seafarers' rights, and a "
          .. "channel for seafarers' complaints. Partial: certificates checked only. No: not checked. Na: "
          .. "no offshore or shipping activity.",
      duties = { "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.11", "CSDDD.ANX.II.13" } },

    -- Revenue and payments transparency -------------------------------------------------------
    { id = "extractives.transparency.eiti", kind = "choice", weight = 2,
      section = "Revenue and payments transparency",
      text = "What is your relationship with the Extractive Industries Transparency Initiative (EITI)?",
      help = "'supporter' means you are an EITI supporting company. 'reporting' means you are not a "
          .. "supporter but report fully to the national EITI process in every implementing country where "
          .. "you operate. 'none' means neither.",
      options = {
        { value = "supporter", label = "EITI supporting company", score = 1 },
        { value = "reporting", label = "Reports in every implementing country", score = 0.75 },
        { value = "none", label = "Neither", score = 0 },
      },
      duties = { "EITI.R1", "EITI.R4" } },

    { id = "extractives.transparency.payments", kind = "maturity", weight = 2, evidence = true,
      section = "Revenue and payments transparency",
      text = "Do you publish your payments to governments (taxes, royalties, bonuses, fees), country by "
          .. "country and project by project?",
      help = "Yes: a yearly public report by country and by project, as required under the EU Accounting "
          .. "Directive chapter on payments to governments or equivalent laws, covering payments in kind "
          .. "and payments to state-owned companies. Partial: by country only. No: not published.",
      duties = { "EITI.R4", "UNGP.GP21", "OECD.RBC.S5" } },

    { id = "extractives.transparency.beneficial_ownership", kind = "maturity", weight = 2, evidence = true,
      section = "Revenue and payments transparency",
      text = "Do you disclose your beneficial owners, and check those of your joint-venture partners and "
          .. "agents, including politically exposed persons?",
      help = "Yes: your beneficial owners are published (for example in a public register), and partners "
          .. "and agents are screened for hidden owners and politically exposed persons before contracts. "
          .. "Partial: disclosure without partner checks, or the reverse. No: neither.",
      duties = { "EITI.R2.5", "OECD.RBC.S2" } },

    { id = "extractives.transparency.contracts", kind = "maturity", weight = 1,
      section = "Revenue and payments transparency",
      text = "Do you support the publication of your licences and contracts with host governments?",
      help = "Yes: your contracts and licences are published in full (by you or the government) or you have a "
          .. "public policy supporting their disclosure and do not invoke confidentiality against it. "
          .. "Partial: some contracts. No: none.",
      duties = { "EITI.R2" } },

    -- Decommissioning -------------------------------------------------------------------------
    { id = "extractives.decommissioning.plan", kind = "maturity", weight = 2, evidence = true,
      section = "Decommissioning and financial assurance",
      text = "Do you have decommissioning and restoration plans for all assets, prepared with affected "
          .. "communities?",
      help = "Yes: plans for well plugging and abandonment, removal of facilities and pipelines, and land or "
          .. "seabed restoration, with cost estimates updated in the last three years and consulted with "
          .. "communities and regulators. Partial: plans for some assets, or no consultation. No: none.",
      duties = { "IFC.PS1", "CSDDD.ANX.I1.15", "CSDDD.A10" } },

    { id = "extractives.decommissioning.assurance", kind = "choice", weight = 2, evidence = true,
      section = "Decommissioning and financial assurance",
      text = "How are your decommissioning and restoration costs secured?",
      help = "'full' means bonds, escrow or trust funds that cover the full current estimate and would survive "
          .. "your insolvency. 'partial' means part of the estimate, or a parent guarantee only. Cite the "
          .. "financial statements note or the regulator's confirmation.",
      options = {
        { value = "full", label = "Full cost secured", score = 1 },
        { value = "partial", label = "Partly secured", score = 0.5 },
        { value = "none", label = "Not secured", score = 0 },
      },
      duties = { "IFC.PS1", "CSDDD.ANX.I1.15", "CSDDD.A10" } },

    { id = "extractives.decommissioning.divestment", kind = "choice", weight = 2,
      section = "Decommissioning and financial assurance",
      text = "In the last three years, did you sell assets with open environmental or social liabilities "
          .. "(unremediated spills, decommissioning, community claims)?",
      help = "'with_dd' means you assessed the buyer's capacity and record, kept or funded the liabilities, and "
          .. "told the affected communities; cite the assessment. 'without_dd' means you sold without these "
          .. "steps.",
      options = {
        { value = "none", label = "No such sales", score = 1 },
        { value = "with_dd", label = "Sold with due diligence on the buyer and liabilities", score = 1 },
        { value = "without_dd", label = "Sold without such due diligence", score = 0 },
      },
      duties = { "UNGP.GP19", "OECD.RBC.S3", "CSDDD.ANX.I1.15", "CSDDD.A10" } },

    -- Community health and safety -------------------------------------------------------------
    { id = "extractives.health.assessment", kind = "maturity", weight = 2, evidence = true,
      section = "Community health and safety",
      text = "Have you assessed and do you monitor the health effects of your operations on nearby "
          .. "communities?",
      help = "Yes: a health impact assessment covering air (benzene, hydrogen sulphide, particulates from "
          .. "flares), drinking water and food, with health monitoring designed with communities and "
          .. "results shared with them. Partial: environmental monitoring without health assessment. No: "
          .. "none.",
      duties = { "IFC.PS4", "CSDDD.ANX.I1.15" } },

    { id = "extractives.health.emergency", kind = "maturity", weight = 2, evidence = true,
      section = "Community health and safety",
      text = "Are nearby communities prepared for emergencies at your sites (blowouts, gas releases, pipeline "
          .. "fires)?",
      help = "Yes: emergency plans that cover communities, alert systems and evacuation routes agreed with "
          .. "them and local authorities, and joint drills at least every two years. Partial: plans that do "
          .. "not involve communities. No: none.",
      duties = { "IFC.PS4", "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.15" } },
  },

  rules = {
    -- Severity: scale 5 (support to units that kill or torture), scope 4, irremediable 5.
    -- Likelihood 3: support is given without checking who receives it. Part of the security group.
    { id = "extractives.security.unvetted_support", title = "Support to public security without vetting the units",
      duties = { "VPSHR.RA", "VPSHR.PUB", "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.02" },
      severity = { scale = 5, scope = 4, irremediable = 5 }, likelihood = 3,
      impact = "potential", group = "security_abuse", risks = { "conflict" },
      action = "Require a vetting procedure before any support to public security, applied to current "
          .. "agreements within 90 days, and suspension of support to units credibly implicated in abuses.",
      when = function(a)
        return util.is(a, "extractives.security.public_support", "agreement", "undisclosed")
            and lacking(a, "extractives.security.vetting")
      end },

    -- Severity: scale 5 (contributing to conflict and gross abuses), scope 4, irremediable 5.
    -- Likelihood 4: operating in a conflict area without conflict analysis (UNGP 7 and 23: treat the
    -- risk of gross abuses as a legal compliance issue).
    { id = "extractives.cahra.no_heightened_dd",
      title = "Operations in conflict-affected areas without heightened due diligence",
      duties = { "UNGP.GP07", "UNGP.GP23", "UNGP.GP17" },
      severity = { scale = 5, scope = 4, irremediable = 5 }, likelihood = 4,
      impact = "potential", risks = { "conflict" },
      action = "Require a conflict analysis and a heightened due-diligence plan for each operation in a "
          .. "conflict-affected area within 90 days, reviewed by an independent expert.",
      when = function(a)
        if a["extractives.cahra.exposure"] ~= "yes" then return nil end
        local v = a["extractives.cahra.heightened_dd"]
        if v == "partial" then return { likelihood = 3 } end
        return lacking(a, "extractives.cahra.heightened_dd")
      end },

    -- Severity: scale 4 (partners' abuses linked to the supplier's assets), scope 4, irremediable 4.
    -- Likelihood 3.
    { id = "extractives.partners.unchecked", title = "No due diligence on state-owned and joint-venture partners",
      duties = { "UNGP.GP19", "UNGP.GP13", "OECD.RBC.S2" },
      severity = { scale = 4, scope = 4, irremediable = 4 }, likelihood = 3,
      impact = "potential",
      action = "Ask for due diligence on each partner and non-operated asset, and for human rights clauses at "
          .. "the next renewal of the joint operating agreements.",
      when = function(a)
        return lacking(a, "extractives.partners.dd")
      end },

    -- Severity: scale 5 (explosions and fires kill workers and neighbours), scope from the count of
    -- Tier 1 events (1-2: 3, 3-9: 4, 10 or more: 5), irremediable 5. Likelihood 4 without a working
    -- process safety system (not "yes"), else 2: events happened, the barriers may fail again.
    { id = "extractives.process_safety.events", title = "Tier 1 process safety events",
      duties = { "IFC.PS4", "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.01", "CSDDD.A11" },
      severity = { scale = 5, scope = 3, irremediable = 5 }, likelihood = 4,
      impact = "actual",
      action = "Obtain the root-cause investigation of every Tier 1 event and the barrier improvements that "
          .. "follow, and an independent audit of process safety management within six months.",
      details = { events = "%g Tier 1 event(s) in the period." },
      when = function(a)
        local n = util.num(a, "extractives.process_safety.tier1")
        if not n or n <= 0 then return nil end
        local scope = n >= 10 and 5 or n >= 3 and 4 or 3
        local managed = util.is(a, "extractives.process_safety.management", "yes")
        return { scope = scope, likelihood = managed and 2 or 4,
                 detail = { "events", n } }
      end },

    -- Severity: scale 5, scope 4, irremediable 5 (a major accident). Likelihood 2: no events
    -- reported, but no system either.
    { id = "extractives.process_safety.unmanaged", title = "No process safety management system",
      duties = { "IFC.PS4", "CSDDD.ANX.I1.06", "CSDDD.A10" },
      severity = { scale = 5, scope = 4, irremediable = 5 }, likelihood = 2,
      impact = "potential",
      action = "Ask for a process safety management system at every operated asset, audited within 12 months.",
      when = function(a)
        return lacking(a, "extractives.process_safety.management")
      end },

    -- Severity: scale 4 (abandoned or unpaid seafarers, forced labour at sea), scope 3,
    -- irremediable 3. Likelihood 3.
    { id = "extractives.seafarers.unchecked", title = "Seafarers' rights not checked on owned or chartered vessels",
      duties = { "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.11" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask for MLC checks in ship vetting, charter clauses on seafarers' rights and a complaints "
          .. "channel for crews within 12 months.",
      when = function(a)
        return lacking(a, "extractives.seafarers")
      end },

    -- Severity: scale 5 (contact can bring disease that kills much of a people with no immunity), scope
    -- 5 (a whole people), irremediable 5. Likelihood 4: activity in or next to the territory makes
    -- contact likely. Treated as actual: the presence itself overrides the people's choice of isolation.
    { id = "extractives.isolation.operating", title = "Operations in territory of indigenous peoples in "
          .. "voluntary isolation",
      duties = { "CSDDD.ANX.I1.16", "CSDDD.ANX.I2.UNDRIP", "ILO.C169", "CSDDD.ANX.I1.01", "CSDDD.A11" },
      severity = { scale = 5, scope = 5, irremediable = 5 }, likelihood = 4,
      red_flag = true, impact = "actual", group = "fpic",
      action = "Require the supplier to stop all activity in and next to the territory at once, adopt a "
          .. "binding no-go commitment, relinquish or ring-fence the overlapping area, and agree health "
          .. "contingency measures with the competent authority and indigenous organisations.",
      when = function(a)
        return a["extractives.indigenous.isolation"] == "operating"
      end },

    -- Severity: scale 4 (land, culture, self-determination), scope 4 (a whole community), irremediable
    -- 5 (seismic lines and roads open territory irreversibly). Likelihood 4 when there is no process; 3
    -- when consent is sought only later. Potential: exploration can still be stopped or redesigned.
    { id = "extractives.fpic.exploration_missing", title = "Exploration on indigenous lands without prior "
          .. "consent",
      duties = { "CSDDD.ANX.I1.16", "CSDDD.ANX.I2.UNDRIP", "ILO.C169", "IFC.PS7", "CSDDD.A10" },
      severity = { scale = 4, scope = 4, irremediable = 5 }, likelihood = 4,
      impact = "potential", group = "fpic",
      action = "Ask the supplier to pause exploration on indigenous lands until a consent process is agreed "
          .. "with the peoples' own institutions, with independent advisers they choose and funded by the "
          .. "supplier.",
      when = function(a)
        if a["community.indigenous_land"] ~= "yes" then return nil end
        local v = a["extractives.fpic.exploration"]
        if v == "partial" then return { likelihood = 3 } end
        if v == "no" or v == "unknown" then return true end
      end },

    -- Severity: scale 4 (drinking water, fisheries, farmland and health), scope 5 (large spills reach
    -- rivers, deltas and coasts), irremediable 5 (soils and mangroves take decades to recover).
    -- Likelihood 5: the spill has occurred and is not remediated.
    { id = "extractives.spills.major_unremediated", title = "Major oil spill not remediated",
      duties = { "CSDDD.ANX.I1.15", "CSDDD.A11", "CSDDD.A12", "UNGP.GP22" },
      severity = { scale = 4, scope = 5, irremediable = 5 }, likelihood = 5,
      red_flag = true, impact = "actual", group = "pollution",
      action = "Require containment and an independent assessment of the affected area within 30 days, a "
          .. "clean-up plan to an agreed standard with community monitoring, emergency water and food "
          .. "supply where sources are polluted, and compensation for lost livelihoods.",
      details = { barrels = "%g barrels spilled" },
      when = function(a)
        local v = util.num(a, "extractives.spills.volume")
        if v and v >= MAJOR_SPILL_BBL and a["extractives.spills.remediated"] ~= "yes" then
          return { detail = { "barrels", v } }
        end
      end },

    -- Severity: scale 4, scope 3, irremediable 4. Likelihood 4: spills occurred and are not fully
    -- remediated.
    { id = "extractives.spills.unremediated", title = "Oil spills not fully remediated",
      duties = { "CSDDD.ANX.I1.15", "CSDDD.A11", "CSDDD.A12" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 5,
      impact = "actual", group = "pollution",
      action = "Ask for the spill register, independent verification of clean-up at each site, and "
          .. "compensation of affected users within 90 days.",
      when = function(a)
        local v = util.num(a, "extractives.spills.volume")
        if v and v >= MAJOR_SPILL_BBL then return nil end
        return had_spills(a) and a["extractives.spills.remediated"] ~= "yes"
      end },

    -- Severity: scale 4, scope 4, irremediable 4 (as for spills). Likelihood 3; 4 when spills occurred
    -- in the period.
    { id = "extractives.spills.no_response_plan", title = "No tested oil spill response plan",
      duties = { "IFC.PS4", "IFC.PS3", "CSDDD.ANX.I1.15", "CSDDD.A10" },
      severity = { scale = 4, scope = 4, irremediable = 4 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a tiered spill response plan for each asset, a response contract, and an exercise "
          .. "that involves nearby communities within six months.",
      when = function(a)
        if not util.is(a, "extractives.spills.response_plan", "no", "unknown") then return nil end
        if had_spills(a) then return { likelihood = 4 } end
        return { questions = { "extractives.spills.response_plan" } }
      end },

    -- Severity: scale 3 (respiratory and other illness from flare emissions, heat and noise), scope 4
    -- (communities around flare sites), irremediable 3. Likelihood 4: flaring is ongoing.
    { id = "extractives.flaring.unabated", title = "Routine flaring without reduction",
      duties = { "IFC.PS3", "CSDDD.ANX.I1.15" },
      severity = { scale = 3, scope = 4, irremediable = 3 }, likelihood = 4,
      impact = "actual",
      action = "Ask for a dated plan to end routine flaring (gas use, reinjection or sale), endorsement of "
          .. "Zero Routine Flaring by 2030, and air-quality monitoring near flares shared with communities.",
      details = { flared = "%g%% of associated gas flared" },
      when = function(a)
        local share = util.num(a, "extractives.flaring.share")
        if a["extractives.flaring.routine"] == "no_plan" then return true end
        if share and share > 20 then return { detail = { "flared", share } } end
      end },

    -- Severity: scale 4 (fisheries, marine life and coastal livelihoods), scope 4, irremediable 4.
    -- Likelihood 3: controls are missing or unknown.
    { id = "extractives.offshore.uncontrolled", title = "Offshore discharges not controlled",
      duties = { "CSDDD.ANX.II.13", "CSDDD.ANX.II.14", "CSDDD.A10" },
      severity = { scale = 4, scope = 4, irremediable = 4 }, likelihood = 3,
      impact = "potential",
      action = "Ask for discharge monitoring data against permit limits and MARPOL, and a plan to ship "
          .. "oil-based cuttings and wastes to shore, within six months.",
      when = function(a)
        return util.has(a["extractives.operations"], "offshore")
            and util.is(a, "extractives.offshore.discharges", "no", "unknown")
      end },

    -- Severity: scale 5 (killings, torture), scope 4 (communities around guarded facilities),
    -- irremediable 5. Likelihood 4: units with a record of grave abuses remain deployed with the
    -- supplier's support and nothing has been done. Impact "potential": the supplier is asked to prevent
    -- further abuse linked to its operations; past abuses need the State's investigation.
    { id = "extractives.security.abusive_units_supported", title = "Support to security units accused of grave abuses, "
          .. "without action",
      duties = { "VPSHR.RA", "VPSHR.PUB", "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.02", "UNGP.GP19" },
      severity = { scale = 5, scope = 4, irremediable = 5 }, likelihood = 4,
      red_flag = true, impact = "potential", group = "security_abuse", risks = { "conflict" },
      action = "Require the supplier to raise the allegations formally with the authorities, ask that the units "
          .. "be replaced and investigated, suspend in-kind and financial support until then, and report "
          .. "the outcome under the Voluntary Principles within 60 days.",
      when = function(a)
        return a["extractives.security.abusive_units"] == "no_action"
      end },

    -- Severity: scale 4, scope 3, irremediable 4. Likelihood 3: undisclosed support without conditions
    -- links the supplier to whatever the forces do.
    { id = "extractives.security.undisclosed_support", title = "Support to public security without agreement "
          .. "or disclosure",
      duties = { "VPSHR.PUB", "IFC.PS4", "CSDDD.ANX.I1.01", "CSDDD.A10" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 3,
      impact = "potential", group = "security_abuse",
      action = "Ask for a written agreement with each public security provider that sets human rights and "
          .. "use-of-force conditions, and for disclosure of all payments and in-kind support.",
      when = function(a)
        return util.is(a, "extractives.security.public_support", "undisclosed", "unknown")
      end },

    -- Severity: scale 5 (defenders' lives), scope 3, irremediable 5. Likelihood 3: defenders near the
    -- operations are threatened while security forces operate without the Voluntary Principles or
    -- without a protest protocol.
    { id = "extractives.hrd.security_nexus", title = "Threatened defenders near sites guarded without "
          .. "safeguards",
      duties = { "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.03", "CSDDD.ANX.I1.13", "VPSHR.PUB", "CSDDD.A10" },
      severity = { scale = 5, scope = 3, irremediable = 5 }, likelihood = 3,
      impact = "potential", group = "security_abuse",
      action = "Ask the supplier to brief all security providers that defenders and peaceful protesters must "
          .. "not be targeted, adopt a protest protocol, implement the Voluntary Principles, and meet the "
          .. "defenders' organisations within 30 days.",
      when = function(a)
        if a["hrd.threats_nearby"] ~= "reported" then return nil end
        if a["community.security.vpshr"] ~= "yes" or a["extractives.security.protests"] ~= "yes" then
          return true
        end
      end },

    -- Severity: scale 3 (corruption diverts public revenue from health, water and education), scope 4
    -- (a country's population), irremediable 2. Likelihood 3.
    { id = "extractives.transparency.opaque", title = "Payments and ownership not disclosed",
      duties = { "EITI.R4", "EITI.R2.5", "UNGP.GP21" },
      severity = { scale = 3, scope = 4, irremediable = 2 }, likelihood = 3,
      impact = "potential",
      action = "Ask the supplier to publish its payments to governments by project and its beneficial owners "
          .. "within 12 months, and to support EITI reporting in implementing countries.",
      when = function(a)
        return util.is(a, "extractives.transparency.payments", "no", "unknown")
            and util.is(a, "extractives.transparency.beneficial_ownership", "no", "unknown")
      end },

    -- Severity: scale 3 (abandoned wells and facilities leak and pollute), scope 4, irremediable 4.
    -- Likelihood 3: without secured funds, decommissioning often falls to the State or is not done.
    { id = "extractives.decommissioning.unfunded", title = "Decommissioning not planned or not funded",
      duties = { "IFC.PS1", "CSDDD.ANX.I1.15", "CSDDD.A10" },
      severity = { scale = 3, scope = 4, irremediable = 4 }, likelihood = 3,
      impact = "potential",
      action = "Ask for asset-by-asset decommissioning plans with updated cost estimates and for financial "
          .. "assurance that covers the full estimate, within 12 months.",
      when = function(a)
        if util.is(a, "extractives.decommissioning.assurance", "none", "unknown") then return true end
        if a["extractives.decommissioning.plan"] == "no" then return true end
      end },

    -- Severity: scale 4, scope 4, irremediable 4 (liabilities left with a buyer unable to pay are
    -- rarely remediated). Likelihood 3.
    { id = "extractives.divestment.no_dd", title = "Assets with open liabilities sold without due diligence",
      duties = { "UNGP.GP19", "OECD.RBC.S3", "CSDDD.ANX.I1.15", "CSDDD.A11" },
      severity = { scale = 4, scope = 4, irremediable = 4 }, likelihood = 3,
      impact = "actual",
      action = "Ask the supplier to assess the buyer's capacity to meet the liabilities, to fund or retain the "
          .. "remediation of open spills and claims, and to inform affected communities.",
      when = function(a)
        return a["extractives.decommissioning.divestment"] == "without_dd"
      end },

    -- Severity: scale 4 (illness), scope 4, irremediable 3. Likelihood 3; 4 when routine flaring or spills
    -- expose communities now.
    { id = "extractives.health.unassessed", title = "Community health effects not assessed",
      duties = { "IFC.PS4", "CSDDD.ANX.I1.15", "CSDDD.A08" },
      severity = { scale = 4, scope = 4, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a community health impact assessment and air and water monitoring near flares and "
          .. "spill sites, designed with the communities, within 12 months.",
      when = function(a)
        if not util.is(a, "extractives.health.assessment", "no", "unknown") then return nil end
        if util.is(a, "extractives.flaring.routine", "no_plan", "plan") or had_spills(a) then
          return { likelihood = 4 }
        end
        return { questions = { "extractives.health.assessment" } }
      end },
  },

  tests = {
    { name = "operations next to peoples in isolation are a red flag",
      answers = { ["extractives.indigenous.isolation"] = "operating" },
      expect = { findings = { "extractives.isolation.operating" }, red_flag = true } },
    { name = "no-go commitment",
      answers = { ["extractives.indigenous.isolation"] = "no_go" },
      expect = { absent = { "extractives.isolation.operating" } } },
    { name = "exploration without consent",
      answers = { ["extractives.fpic.exploration"] = "no", ["community.indigenous_land"] = "yes" },
      expect = { findings = { "extractives.fpic.exploration_missing" } } },
    { name = "exploration with consent",
      answers = { ["extractives.fpic.exploration"] = "yes" },
      expect = { absent = { "extractives.fpic.exploration_missing" } } },
    { name = "major spill not remediated is a red flag",
      answers = { ["extractives.spills.count"] = 3, ["extractives.spills.volume"] = 4200,
                  ["extractives.spills.remediated"] = "partial" },
      expect = { findings = { "extractives.spills.major_unremediated" },
                 absent = { "extractives.spills.unremediated" }, red_flag = true } },
    { name = "major spill remediated",
      answers = { ["extractives.spills.count"] = 1, ["extractives.spills.volume"] = 1500,
                  ["extractives.spills.remediated"] = "yes" },
      expect = { absent = { "extractives.spills.major_unremediated", "extractives.spills.unremediated" } } },
    { name = "small spills not remediated",
      answers = { ["extractives.spills.count"] = 4, ["extractives.spills.volume"] = 60,
                  ["extractives.spills.remediated"] = "no" },
      expect = { findings = { "extractives.spills.unremediated" },
                 absent = { "extractives.spills.major_unremediated" } } },
    { name = "no spills",
      answers = { ["extractives.spills.count"] = 0, ["extractives.spills.volume"] = 0,
                  ["extractives.spills.remediated"] = "na" },
      expect = { absent = { "extractives.spills.unremediated" } } },
    { name = "no spill response plan after spills",
      answers = { ["extractives.spills.response_plan"] = "no", ["extractives.spills.count"] = 2 },
      expect = { findings = { "extractives.spills.no_response_plan" } } },
    { name = "spill response plan tested",
      answers = { ["extractives.spills.response_plan"] = "yes" },
      expect = { absent = { "extractives.spills.no_response_plan" } } },
    { name = "routine flaring without a plan",
      answers = { ["extractives.flaring.routine"] = "no_plan" },
      expect = { findings = { "extractives.flaring.unabated" } } },
    { name = "high flaring share despite a plan",
      answers = { ["extractives.flaring.routine"] = "plan", ["extractives.flaring.share"] = 35 },
      expect = { findings = { "extractives.flaring.unabated" } } },
    { name = "Zero Routine Flaring plan and low share",
      answers = { ["extractives.flaring.routine"] = "zrf", ["extractives.flaring.share"] = 3 },
      expect = { absent = { "extractives.flaring.unabated" } } },
    { name = "offshore discharges not controlled",
      answers = { ["extractives.operations"] = { "offshore" }, ["extractives.offshore.discharges"] = "no" },
      expect = { findings = { "extractives.offshore.uncontrolled" } } },
    { name = "onshore only",
      answers = { ["extractives.operations"] = { "onshore", "pipelines" },
                  ["extractives.offshore.discharges"] = "na" },
      expect = { absent = { "extractives.offshore.uncontrolled" } } },
    { name = "support to abusive units without action is a red flag",
      answers = { ["extractives.security.abusive_units"] = "no_action",
                  ["extractives.security.public_support"] = "agreement" },
      expect = { findings = { "extractives.security.abusive_units_supported" },
                 absent = { "extractives.security.undisclosed_support" }, red_flag = true } },
    { name = "allegations acted upon",
      answers = { ["extractives.security.abusive_units"] = "acted" },
      expect = { absent = { "extractives.security.abusive_units_supported" } } },
    { name = "undisclosed support to public security",
      answers = { ["extractives.security.public_support"] = "undisclosed" },
      expect = { findings = { "extractives.security.undisclosed_support" } } },
    { name = "threatened defenders and no Voluntary Principles",
      answers = { ["hrd.threats_nearby"] = "reported", ["hrd.response"] = "yes",
                  ["community.security.vpshr"] = "partial", ["extractives.security.protests"] = "yes" },
      expect = { findings = { "extractives.hrd.security_nexus" }, absent = { "hrd.threats_unanswered" } } },
    { name = "threatened defenders, safeguards in place",
      answers = { ["hrd.threats_nearby"] = "reported", ["hrd.response"] = "yes",
                  ["community.security.vpshr"] = "yes", ["extractives.security.protests"] = "yes" },
      expect = { absent = { "extractives.hrd.security_nexus" } } },
    { name = "payments and ownership undisclosed",
      answers = { ["extractives.transparency.payments"] = "no",
                  ["extractives.transparency.beneficial_ownership"] = "unknown" },
      expect = { findings = { "extractives.transparency.opaque" } } },
    { name = "payments published",
      answers = { ["extractives.transparency.payments"] = "yes",
                  ["extractives.transparency.beneficial_ownership"] = "no" },
      expect = { absent = { "extractives.transparency.opaque" } } },
    { name = "decommissioning not funded",
      answers = { ["extractives.decommissioning.assurance"] = "none", ["extractives.decommissioning.plan"] = "yes" },
      expect = { findings = { "extractives.decommissioning.unfunded" } } },
    { name = "decommissioning planned and funded",
      answers = { ["extractives.decommissioning.assurance"] = "full", ["extractives.decommissioning.plan"] = "yes" },
      expect = { absent = { "extractives.decommissioning.unfunded" } } },
    { name = "assets sold without due diligence",
      answers = { ["extractives.decommissioning.divestment"] = "without_dd" },
      expect = { findings = { "extractives.divestment.no_dd" } } },
    { name = "assets sold with due diligence",
      answers = { ["extractives.decommissioning.divestment"] = "with_dd" },
      expect = { absent = { "extractives.divestment.no_dd" } } },
    { name = "health not assessed near routine flaring",
      answers = { ["extractives.health.assessment"] = "no", ["extractives.flaring.routine"] = "plan" },
      expect = { findings = { "extractives.health.unassessed" } } },
    { name = "health assessed",
      answers = { ["extractives.health.assessment"] = "partial" },
      expect = { absent = { "extractives.health.unassessed" } } },
    { name = "support to public security without vetting",
      answers = { ["extractives.security.public_support"] = "agreement", ["extractives.security.vetting"] = "no" },
      expect = { findings = { "extractives.security.unvetted_support" } } },
    { name = "no conflict analysis in a conflict-affected area",
      answers = { ["extractives.cahra.exposure"] = "yes", ["extractives.cahra.heightened_dd"] = "no" },
      expect = { findings = { "extractives.cahra.no_heightened_dd" } } },
    { name = "no conflict-affected areas: heightened due diligence not applicable",
      answers = { ["extractives.cahra.exposure"] = "no", ["extractives.cahra.heightened_dd"] = "na" },
      expect = { absent = { "extractives.cahra.no_heightened_dd" } } },
    { name = "partners not checked",
      answers = { ["extractives.partners.dd"] = "no" },
      expect = { findings = { "extractives.partners.unchecked" } } },
    { name = "Tier 1 events under a working process safety system",
      answers = { ["extractives.process_safety.tier1"] = 2, ["extractives.process_safety.management"] = "yes" },
      expect = { findings = { "extractives.process_safety.events" },
                 absent = { "extractives.process_safety.unmanaged" } } },
    { name = "no process safety system",
      answers = { ["extractives.process_safety.tier1"] = 0, ["extractives.process_safety.management"] = "no" },
      expect = { findings = { "extractives.process_safety.unmanaged" },
                 absent = { "extractives.process_safety.events" } } },
    { name = "seafarers not checked on offshore operations",
      answers = { ["extractives.operations"] = { "offshore" }, ["extractives.seafarers"] = "no" },
      expect = { findings = { "extractives.seafarers.unchecked" } } },
  },
}
