-- luacheck: no max line length
-- Mining and minerals: sector pack for mine operators and mineral processors.
--
-- Composition: the core due-diligence process, land/communities/security, environment, labour and
-- human rights defenders modules, plus mining-specific questions on artisanal and small-scale
-- mining (ASM), tailings (GISTM), mercury in gold processing, cyanide, consent for new projects,
-- public security at mine sites, acid drainage, closure, conflict-affected and high-risk areas
-- (CAHRAs) and payments to governments.
--
-- Red flags of this pack (each caps the rating at D; an actual one of severity 4.5 or more at E):
--   mining.fpic.new_project            new project or expansion on indigenous land without consent
--   mining.tailings.high_consequence   Extreme / Very High consequence tailings facility not
--                                      conforming to GISTM (conformance was due by August 2023)
--   mining.asm.child_labour            child labour confirmed or suspected at ASM sites on the
--                                      concessions or in the supply (actual)
--   mining.asm.cahra_unmonitored       unmonitored artisanal supply from a conflict-affected or
--                                      high-risk area (OECD Annex II: a reasonable risk)
--   mining.gold.whole_ore              whole-ore mercury amalgamation in gold processing (actual: E)
-- Module red flags (FPIC, displacement without restoration, security incidents, forced and child
-- labour, several deaths in a year, retaliation) also apply.
--
-- Sources for the sector standards: GISTM (2020), ICMM Mining Principles, IRMA-STD-001 v1.0,
-- OECD Minerals Guidance (3rd ed.), VPSHR, EITI Standard 2023. Whole-ore amalgamation is one of
-- the practices the Minamata Convention asks States to eliminate in artisanal gold mining (recalled
-- from its Annex C; the CSDDD Annex does not list it as such, so the pack cites Annex Part I item 15
-- and IRMA 4.8).

local util = require "util"
local lacking = util.lacking
local core = require "core"
local community = require "community"
local environment = require "environment"
local labour = require "labour"
local hrd = require "hrd"

-- Scores a choice from a table of option scores; an option absent from the table means "not
-- applicable" and is left out of the score (for example: the mine produces no gold).
local function scored(scores)
  return function(value)
    return scores[value]
  end
end

-- The tailings questions do not apply to a miner without tailings facilities.
local NO_TAILINGS = { ["mining.tailings.facilities"] = 0 }

-- Share of the closure cost estimate covered by financial assurance: 0-100 % maps to 0-1.
local function assurance_score(value)
  return math.min(value, 100) / 100
end

return sector {
  id = "mining",
  title = "Mining and minerals",
  version = "1.0.0",
  authors = { "diligo contributors" },
  license = "CC-BY-4.0",
  description = [[
Sector pack for mining companies and mineral processors, built on the core due-diligence process,
land and communities, environment, labour and human rights defenders modules. Mining questions cover
artisanal and small-scale mining and child labour, tailings facilities against GISTM (consequence
classification, Engineer of Record, emergency preparedness), mercury in gold processing, cyanide,
consent for new projects on indigenous land, public security at mine sites, acid drainage, closure
and its financing, conflict-affected and high-risk areas, and payments to governments.]],

  modules = { core, community, environment, labour, hrd },

  questions = {
    -- Artisanal and small-scale mining ------------------------------------------------------
    { id = "mining.asm.presence", kind = "multi", required = true,
      section = "Artisanal and small-scale mining",
      text = "Is artisanal and small-scale mining (ASM) present on or next to your concessions, or do you buy or process ASM material?",
      help = "Tick all that apply. ASM means mining by individuals, families or cooperatives with little mechanisation, legal or not. Not scored: it decides which ASM questions apply. Cite your ASM baseline survey or purchase records.",
      options = {
        { value = "none", label = "No ASM on, next to or in our supply" },
        { value = "adjacent", label = "ASM next to our concessions" },
        { value = "on_concession", label = "ASM on our concessions" },
        { value = "sourced", label = "We buy or process ASM material" },
      },
      duties = { "IRMA.3.6", "OECD.MIN.S2" } },

    { id = "mining.asm.engagement", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["mining.asm.presence"] = "none" },
      section = "Artisanal and small-scale mining",
      text = "Do you have an ASM engagement strategy that avoids forced evictions, supports formalisation and safer practices, and agrees security rules with the artisanal miners?",
      help = "Yes: a written strategy based on a baseline survey, dialogue with ASM organisations, support for formalisation or alternative livelihoods, and security rules that forbid violent removal. Partial: dialogue without a strategy, or a strategy not carried out. No: none. Na: no ASM present. Cite the strategy and meeting records.",
      duties = { "IRMA.3.6", "CSDDD.A10", "OECD.MIN.S3", "CSDDD.ANX.I1.16" } },

    { id = "mining.asm.child_labour", kind = "choice", weight = 3, required = true,
      section = "Artisanal and small-scale mining",
      text = "Has child labour been found or reported at the ASM sites on your concessions or in your supply during the reporting period?",
      help = "Child labour in mining is among the worst forms of child labour: no one under 18 may dig, carry ore, wash or process minerals. None verified: independent monitoring visited the sites and found none. Suspected: credible reports (NGOs, media, grievances) not yet verified. Not monitored: nobody checks. Cite monitoring reports.",
      options = {
        { value = "no_asm", label = "No ASM on our concessions or in our supply" },
        { value = "none_verified", label = "Monitored, none found" },
        { value = "suspected", label = "Credible reports, not yet verified" },
        { value = "confirmed", label = "Confirmed cases" },
        { value = "not_monitored", label = "Not monitored" },
      },
      score = scored { none_verified = 1, suspected = 0, confirmed = 0, not_monitored = 0 },
      duties = { "CSDDD.ANX.I1.10", "CSDDD.ANX.I1.09", "OECD.MIN.AII.SA", "IRMA.3.6" } },

    -- Tailings ------------------------------------------------------------------------------
    { id = "mining.tailings.facilities", kind = "number", min = 0, unit = "facilities", required = true,
      section = "Tailings facilities",
      text = "How many tailings storage facilities (active, inactive or closed) do you own or operate?",
      help = "Count every facility listed in your tailings inventory, including closed ones you remain responsible for. Enter 0 if none. Not scored: it decides which tailings questions apply.",
      duties = { "GISTM.P2", "GISTM.P15" } },

    { id = "mining.tailings.consequence", kind = "choice", required = true, na_when = NO_TAILINGS,
      section = "Tailings facilities",
      text = "What is the highest consequence classification, under GISTM, among your tailings facilities?",
      help = "Use the classification of a credible failure scenario (people at risk, environment, infrastructure). Not classified: no GISTM classification has been made. Not scored: it decides how urgent conformance is. Cite the classification report.",
      options = {
        { value = "none", label = "No tailings facility" },
        { value = "low", label = "Low" },
        { value = "significant", label = "Significant" },
        { value = "high", label = "High" },
        { value = "very_high", label = "Very High" },
        { value = "extreme", label = "Extreme" },
        { value = "not_classified", label = "Not classified" },
      },
      duties = { "GISTM.P4", "GISTM.P2" } },

    { id = "mining.tailings.gistm", kind = "maturity", weight = 3, required = true, evidence = true,
      na_when = NO_TAILINGS,
      section = "Tailings facilities",
      text = "Do all your tailings facilities conform to the Global Industry Standard on Tailings Management, with conformance disclosed publicly?",
      help = "Yes: every facility conforms (Extreme and Very High facilities were due by August 2023, all others by August 2025) and you publish the facility information GISTM requires. Partial: only some facilities conform, or conformance is claimed without disclosure. No: no conformance work. Na: no tailings facilities. Cite the public disclosure.",
      duties = { "GISTM.P4", "GISTM.P5", "GISTM.P8", "GISTM.P15", "CSDDD.ANX.I1.15", "CSDDD.ANX.I1.01" } },

    { id = "mining.tailings.eor", kind = "maturity", weight = 2, required = true, evidence = true,
      na_when = NO_TAILINGS,
      section = "Tailings facilities",
      text = "Has each facility an Engineer of Record with the authority and resources to act, an accountable executive and independent review?",
      help = "Yes: a named, qualified Engineer of Record per facility, an accountable executive reporting to the board, and an independent review (for example a review board for Extreme or Very High facilities). Partial: an Engineer of Record without independent review, or not for all facilities. No: none. Na: no tailings facilities. Cite the appointment letters and latest review.",
      duties = { "GISTM.P9", "GISTM.P10", "GISTM.P8" } },

    { id = "mining.tailings.emergency", kind = "maturity", weight = 2, required = true, evidence = true,
      na_when = NO_TAILINGS,
      section = "Tailings facilities",
      text = "Is there an emergency preparedness and response plan for a tailings failure, based on a dam-break analysis and tested with downstream communities and authorities?",
      help = "Yes: a plan based on a breach analysis and inundation maps, warning systems, evacuation routes, and an exercise with communities and authorities in the last two years; plans for long-term recovery. Partial: a plan that was not tested with communities. No: none. Na: no tailings facilities. Cite the plan and the exercise report.",
      duties = { "GISTM.P13", "GISTM.P14", "GISTM.P1", "IRMA.2.5" } },

    -- Mercury and cyanide ---------------------------------------------------------------------
    { id = "mining.gold.processing", kind = "choice", weight = 3, required = true,
      section = "Mercury and cyanide",
      text = "How is gold recovered at your operations and at the ASM sites you buy from?",
      help = "Choose the worst method used anywhere in your operations or supply. Whole-ore amalgamation means mixing mercury with all the ore rather than a concentrate; it releases the most mercury. Retorts capture mercury when amalgam is heated. Cite process descriptions and ASM monitoring reports.",
      options = {
        { value = "no_gold", label = "We do not produce or buy gold" },
        { value = "mercury_free", label = "Mercury-free methods only (gravity, flotation, leaching)" },
        { value = "concentrate_retort", label = "Amalgamation of concentrate only, with retorts" },
        { value = "whole_ore", label = "Whole-ore amalgamation, or open burning of amalgam" },
      },
      score = scored { mercury_free = 1, concentrate_retort = 0.25, whole_ore = 0 },
      duties = { "CSDDD.ANX.I1.15", "IRMA.4.8", "CSDDD.ANX.II.05", "ICMM.P6" } },

    { id = "mining.cyanide.code", kind = "choice", weight = 2, evidence = true,
      section = "Mercury and cyanide",
      text = "If you use cyanide, are your operations certified under the International Cyanide Management Code?",
      help = "Certified: an independent audit confirmed that every operation using cyanide complies with the Code, and your cyanide comes from certified producers and transporters. Aligned: the Code is applied but not certified. Cite the certificate or audit summary.",
      options = {
        { value = "not_used", label = "We use no cyanide" },
        { value = "certified", label = "Certified under the Code" },
        { value = "aligned", label = "Applied but not certified" },
        { value = "not_aligned", label = "Not applied" },
      },
      score = scored { certified = 1, aligned = 0.5, not_aligned = 0 },
      duties = { "IRMA.4.7", "CSDDD.ANX.I1.15" } },

    -- Land and security at mine sites ------------------------------------------------------
    { id = "mining.fpic.new_projects", kind = "maturity", weight = 3, required = true, evidence = true,
      na_when = { ["community.indigenous_land"] = "no" },
      section = "Land and security at mine sites",
      text = "For new projects and expansions (including exploration) planned or started in the last five years that affect indigenous peoples, was free, prior and informed consent obtained before approval?",
      help = "Yes: consent was given through the people's own institutions before the investment decision, with agreed terms and a way to withdraw or renegotiate. Partial: consultation took place but consent was not obtained from all affected groups. No: projects went ahead without it. Na: no such projects. Cite the consent agreements (may be confidential).",
      duties = { "IRMA.2.2", "CSDDD.ANX.I2.UNDRIP", "CSDDD.ANX.I1.16", "ILO.C169", "ICMM.P3" } },

    { id = "mining.security.public_mou", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["community.security.forces"] = { none_of = { "public" } } },
      section = "Land and security at mine sites",
      text = "Where public security forces (police, military) are deployed at your mine sites, is there a written agreement with the authorities setting human-rights conditions, rules on the use of force and transparent payments?",
      help = "Yes: a memorandum of understanding covering conduct, training, proportionate use of force, reporting of incidents and payments or in-kind support recorded and disclosed. Partial: an agreement without human-rights conditions, or payments not recorded. No: no agreement. Na: no public security at your sites. Cite the agreement.",
      duties = { "VPSHR.PUB", "OECD.MIN.AII.SEC", "IRMA.3.5", "CSDDD.ANX.I1.02" } },

    -- Water and closure ---------------------------------------------------------------------
    { id = "mining.water.balance", kind = "maturity", weight = 2, evidence = true,
      section = "Water and closure",
      text = "Do you keep a site water balance, hold permits for all abstraction, and monitor the effects of your water use on other users and ecosystems?",
      help = "Yes: a water balance updated at least yearly, valid abstraction permits, and monitoring of groundwater and rivers used by others, shared with them. Partial: a water balance without monitoring of other users. No: none. Cite the water management plan.",
      duties = { "IRMA.4.2", "ICMM.P6", "CSDDD.ANX.I1.15" } },

    { id = "mining.water.acid_drainage", kind = "choice", weight = 2,
      section = "Water and closure",
      text = "Have you assessed whether your waste rock and tailings can generate acid or leach metals, and is the drainage managed?",
      help = "Acid and metalliferous drainage can continue for centuries after closure. Managed: prediction tests done, drainage collected and treated, and monitoring in place for operation and closure. Cite the geochemical assessment.",
      options = {
        { value = "not_generating", label = "Assessed: no acid-generating material", score = 1 },
        { value = "managed", label = "Acid-generating material present and managed", score = 1 },
        { value = "unmanaged", label = "Acid-generating material present, not managed", score = 0 },
        { value = "not_assessed", label = "Not assessed", score = 0 },
      },
      duties = { "IRMA.4.1", "IRMA.4.2", "CSDDD.ANX.I1.15" } },

    { id = "mining.closure.plan", kind = "maturity", weight = 2, evidence = true, required = true,
      section = "Water and closure",
      text = "Do you have a closure and reclamation plan, prepared with the communities, costed and updated at least every five years?",
      help = "Yes: a plan per site with agreed post-mining land use, a cost estimate by an independent expert, and an update in the last five years. Partial: a plan without community input or without a cost estimate. No: none. Cite the plan.",
      duties = { "IRMA.2.6", "CSDDD.ANX.I1.15", "ICMM.P7" } },

    { id = "mining.closure.assurance", kind = "percent", weight = 2,
      section = "Water and closure",
      text = "What share of the closure cost estimate is covered by financial assurance that would be available if the company failed (bond, trust fund, insurance)?",
      help = "Give a percentage of the latest cost estimate. Count only instruments that the authorities or a trustee can draw on without the company, not provisions in your own accounts. Cite the assurance instruments.",
      score = assurance_score,
      duties = { "IRMA.2.6" } },

    -- Tailings disclosure and review ------------------------------------------------------------
    { id = "mining.tailings.disclosure", kind = "maturity", weight = 2, evidence = true, na_when = NO_TAILINGS,
      section = "Tailings facilities",
      text = "Do you publish, for each tailings facility, the information GISTM asks to be disclosed (a description, the consequence classification, summaries of the risk assessment and of the emergency plan, and the annual performance review)?",
      help = "Yes: a page per facility, updated at least yearly. Partial: a company-level statement, or some facilities only. No: nothing per facility. Na: no tailings facilities. Cite the disclosure page.",
      duties = { "GISTM.P15", "GISTM.P1", "UNGP.GP21" } },

    { id = "mining.tailings.independent_review", kind = "maturity", weight = 2, evidence = true, na_when = NO_TAILINGS,
      section = "Tailings facilities",
      text = "Has each facility had the independent review GISTM requires (an independent tailings review board or senior independent reviewer for High, Very High and Extreme facilities), with its findings acted on?",
      help = "Yes: independent reviews at the frequency the standard sets, with an action log. Partial: reviews without follow-up, or not for every facility that needs one. No: none. Na: no tailings facilities. Cite the latest review and the action log.",
      duties = { "GISTM.P10", "GISTM.P5", "GISTM.P8" } },

    -- Workers' health, community nuisance, benefits ------------------------------------------
    { id = "mining.ohs.occupational_disease", kind = "maturity", weight = 2, required = true, evidence = true,
      section = "Occupational disease and community nuisance",
      text = "Do you measure and control workers' exposure to respirable crystalline silica and other causes of occupational disease (dust, diesel particulate, noise, vibration, heat), with health surveillance of exposed workers?",
      help = "Yes: exposure monitoring by similar exposure group against occupational limits, engineering controls first, respiratory protection where needed, and medical surveillance (lung function, X-ray, hearing) with results given to workers. Partial: monitoring without health surveillance, or some hazards only. No: none. Cite the occupational hygiene report.",
      duties = { "CSDDD.ANX.I1.06", "IRMA.3.2", "ICMM.P5" } },

    { id = "mining.community.dust_noise_blasting", kind = "maturity", weight = 2, evidence = true,
      section = "Occupational disease and community nuisance",
      text = "Do you monitor and limit dust, noise, vibration and blasting effects on nearby communities, warn them before blasts, and repair or compensate damage (for example cracked houses)?",
      help = "Yes: monitoring stations at the nearest homes against agreed limits, blast schedules shared in advance, a complaints process and independent assessment of damage claims. Partial: monitoring without community information or without a damage process. No: none. Cite the monitoring results and the complaints log.",
      duties = { "IRMA.4.3", "IRMA.4.4", "IRMA.3.3", "CSDDD.ANX.I1.15" } },

    { id = "mining.benefits.sharing", kind = "maturity", weight = 2, evidence = true,
      section = "Occupational disease and community nuisance",
      text = "Do affected communities share in the benefits of the mine through agreements negotiated with them (local employment and procurement, community development funds, revenue sharing)?",
      help = "Yes: a written agreement negotiated with the communities' chosen representatives, with commitments and a joint monitoring of what was delivered. Partial: company-decided social investment without an agreement. No: none. Cite the agreement or the social investment plan.",
      duties = { "IRMA.2.3", "ICMM.P9", "IFC.PS7" } },

    -- Security: assessment, private providers, payments -----------------------------------------
    { id = "mining.security.risk_assessment_date", kind = "date", weight = 2,
      na_when = { ["community.security.forces"] = "none" },
      section = "Land and security at mine sites",
      text = "When did you last update the security and human rights risk assessment that the Voluntary Principles call for?",
      help = "Give the date (YYYY-MM-DD) of the last update. Within the reporting year or the year before scores in full; two years before, half; older, nothing, because security risks change with conflicts, elections and protests. Na: no security personnel. Cite the assessment.",
      score = function(value, ctx)
        local year = tonumber(string.sub(value, 1, 4))
        if not year or not ctx or not ctx.period then return nil end
        local age = ctx.period - year
        if age <= 1 then return 1 elseif age == 2 then return 0.5 end
        return 0
      end,
      duties = { "VPSHR.RA", "IRMA.3.5", "OECD.MIN.AII.SEC" } },

    { id = "mining.security.private_icoca", kind = "choice", weight = 2,
      na_when = { ["community.security.forces"] = { none_of = { "private" } } },
      section = "Land and security at mine sites",
      text = "Are your private security contractors members of the International Code of Conduct Association (ICoCA)?",
      help = "Certified: every contractor is a certified ICoCA member. Member: members, not all certified. Not members: none of them, or you do not require it. Na: no private security contractors. Cite the membership.",
      options = {
        { value = "certified", label = "All certified ICoCA members", score = 1 },
        { value = "member", label = "Members, not all certified", score = 0.5 },
        { value = "not_member", label = "Not members", score = 0 },
      },
      duties = { "ICOC.CODE", "VPSHR.PRIV", "IRMA.3.5" } },

    { id = "mining.security.public_payments", kind = "choice", weight = 2,
      na_when = { ["community.security.forces"] = { none_of = { "public" } } },
      section = "Land and security at mine sites",
      text = "Do you pay or give in-kind support (fuel, vehicles, food, lodging, allowances) to the public security forces at your sites, and how is it recorded and disclosed?",
      help = "None: no payments or support. Disclosed: under a written agreement, recorded and published (for example in the EITI report or your VPSHR report). Undisclosed: support that is not recorded or not published. Na: no public security at your sites. Cite the agreement and the disclosure.",
      options = {
        { value = "none", label = "No payments or support", score = 1 },
        { value = "disclosed", label = "Under a written agreement, recorded and published", score = 1 },
        { value = "undisclosed", label = "Not recorded or not published", score = 0 },
      },
      duties = { "OECD.MIN.AII.SEC", "VPSHR.PUB", "EITI.R4" } },

    -- Integrity, climate and certification ------------------------------------------------------
    { id = "mining.integrity.anti_bribery", kind = "maturity", weight = 2, required = true, evidence = true,
      section = "Integrity, climate and certification",
      text = "Do you prevent bribery, including facilitation payments and payments through intermediaries, to officials who grant licences, inspect sites or provide security, with an anti-bribery programme and controls?",
      help = "Yes: a policy that bans bribes and facilitation payments, due diligence on intermediaries and joint-venture partners, a gifts and hospitality register, training and a confidential channel, audited in the last two years. Partial: a policy without controls. No: none. Cite the programme and the last audit.",
      duties = { "OECD.MIN.AII.BRIB", "OECD.MNE.VII", "ICMM.P1" } },

    { id = "mining.climate.ghg", kind = "maturity", weight = 2, evidence = true,
      section = "Integrity, climate and certification",
      text = "Do you measure and publish your greenhouse-gas emissions (scope 1 and 2, and material scope 3) and have reduction targets consistent with the Paris Agreement?",
      help = "Yes: an inventory by an accepted method, published yearly, with absolute reduction targets and a plan to meet them. Partial: measured and published without targets, or targets without a plan. No: not measured. The CSDDD as amended by Omnibus I no longer requires a climate transition plan; the OECD Guidelines' environment chapter and IRMA still expect this. Cite the report.",
      duties = { "OECD.MNE.VI", "IRMA.4.5", "ICMM.P6", "CSDDD.A22" } },

    { id = "mining.certifications", kind = "multi", weight = 2, evidence = true,
      section = "Integrity, climate and certification",
      text = "Which independent assurance of your sites' performance do you hold?",
      help = "Tick all that apply and cite the reports: an IRMA independent assessment (with its achievement level), the Copper Mark (or its sister marks), ICMM site-level validation of the performance expectations, or another multi-stakeholder assurance. Scoring: one assurance scores in full.",
      options = {
        { value = "irma", label = "IRMA independent assessment", score = 1 },
        { value = "copper_mark", label = "The Copper Mark", score = 1 },
        { value = "icmm_validation", label = "ICMM performance expectations validated", score = 1 },
        { value = "other", label = "Other multi-stakeholder assurance", score = 0.5 },
        { value = "none", label = "None", score = 0 },
      },
      duties = { "ICMM.P10", "IRMA.1.3", "OECD.RBC.S4" } },

    -- Conflict-affected areas and transparency ------------------------------------------------
    { id = "mining.cahra.exposure", kind = "choice", required = true,
      section = "Conflict-affected areas and transparency",
      text = "Do any of your mines, or the mines and traders you source from, lie in or pass through conflict-affected or high-risk areas?",
      help = "Use recognised sources, for example the EU's indicative list of conflict-affected and high-risk areas, and your own red-flag review (armed groups, widespread violence, collapse of governance). Not scored: it decides how much the OECD due-diligence question matters.",
      options = {
        { value = "yes", label = "Yes" },
        { value = "no", label = "No, checked" },
      },
      duties = { "OECD.MIN.S2", "IRMA.3.4", "UNGP.GP07" } },

    { id = "mining.cahra.oecd", kind = "maturity", weight = 3, evidence = true,
      na_when = { ["mining.cahra.exposure"] = "no" },
      section = "Conflict-affected areas and transparency",
      text = "Do you apply the OECD five-step due diligence for minerals from conflict-affected and high-risk areas, covering the Annex II risks (serious abuses, armed groups, security forces, bribery, money laundering, taxes), with independent audit and a yearly public report?",
      help = "Yes: a supply chain policy in line with Annex II, chain-of-custody records to the mine, a risk management plan, an independent audit (for example under RMAP or LBMA) and an annual public report. Partial: some steps (for example policy and traceability without audit). No: none. Na: no exposure to such areas. Cite the latest audit and report.",
      duties = { "OECD.MIN.S1", "OECD.MIN.S2", "OECD.MIN.S3", "OECD.MIN.S4", "OECD.MIN.S5", "OECD.MIN.AII.NSAG" } },

    { id = "mining.transparency.payments", kind = "maturity", evidence = true,
      section = "Conflict-affected areas and transparency",
      text = "Do you publish your payments to governments (taxes, royalties, fees) by country and project, and your beneficial owners, in line with the EITI Standard?",
      help = "Yes: a yearly public report of payments by project and a public statement of beneficial ownership. Partial: one of the two, or payments by country only. No: neither. Cite the report.",
      duties = { "EITI.R4", "EITI.R2.5", "OECD.MIN.AII.TAX", "IRMA.1.5" } },
  },

  rules = {
    -- Severity: scale 4, scope 4 (whole communities), irremediable 5 (land and cultural ties lost
    -- to a mine are not restored). Likelihood 4: new projects without consent regularly lead to
    -- dispossession and conflict. Red flag.
    { id = "mining.fpic.new_project", title = "New mining project or expansion on indigenous land without consent",
      duties = { "IRMA.2.2", "CSDDD.ANX.I2.UNDRIP", "CSDDD.ANX.I1.16", "ILO.C169" },
      severity = { scale = 4, scope = 4, irremediable = 5 }, likelihood = 4,
      red_flag = true, group = "fpic",
      impact = "potential",
      action = "Require the supplier to halt the new project or expansion until free, prior and informed consent is obtained through the affected peoples' own institutions, verified by an independent party.",
      when = function(a)
        return a["community.indigenous_land"] == "yes"
          and util.is(a, "mining.fpic.new_projects", "no", "partial", "unknown")
      end },

    -- Severity: scale 5 (loss of life), scope 5 (a failure can bury towns and rivers),
    -- irremediable 5. Likelihood 3: failures are rare, but these are the facilities where a
    -- failure would be catastrophic, and conformance was due in August 2023. Red flag.
    { id = "mining.tailings.high_consequence", title = "Extreme or Very High consequence tailings facility not conforming to GISTM",
      duties = { "GISTM.P4", "GISTM.P5", "GISTM.P13", "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.15" },
      severity = { scale = 5, scope = 5, irremediable = 5 }, likelihood = 3,
      red_flag = true, group = "tailings",
      impact = "potential",
      action = "Require a dated GISTM conformance plan within 30 days, an independent review of the facility's stability and a tested emergency plan with downstream communities; escalate to senior management.",
      when = function(a)
        return util.is(a, "mining.tailings.consequence", "very_high", "extreme")
          and a["mining.tailings.gistm"] ~= "yes"
      end },

    -- Severity: scale 5, scope 4, irremediable 5. Likelihood 2 for classified facilities of lower
    -- consequence, 3 when the facilities have not been classified at all.
    { id = "mining.tailings.gistm_gap", title = "Tailings facilities not conforming to GISTM",
      duties = { "GISTM.P4", "GISTM.P8", "GISTM.P15", "CSDDD.ANX.I1.15" },
      severity = { scale = 5, scope = 4, irremediable = 5 }, likelihood = 2,
      impact = "potential", group = "tailings",
      action = "Ask for the tailings inventory with consequence classifications and a conformance plan for each facility, with public disclosure.",
      details = { unclassified = "Facilities have no consequence classification." },
      when = function(a)
        local count = util.num(a, "mining.tailings.facilities")
        local class = a["mining.tailings.consequence"]
        if not (count and count > 0) or util.is(a, "mining.tailings.consequence", "very_high", "extreme") then
          return false
        end
        if class == "not_classified" then
          return { likelihood = 3, detail = { "unclassified" } }
        end
        return util.is(a, "mining.tailings.gistm", "no", "partial", "unknown")
      end },

    -- Severity: scale 5, scope 4, irremediable 5. Likelihood 3: without an Engineer of Record or
    -- a tested emergency plan, warning signs are missed and people downstream are not warned.
    { id = "mining.tailings.safety_controls", title = "Tailings facilities without Engineer of Record or tested emergency plan",
      duties = { "GISTM.P9", "GISTM.P13", "CSDDD.ANX.I1.01" },
      severity = { scale = 5, scope = 4, irremediable = 5 }, likelihood = 3,
      impact = "potential", group = "tailings",
      action = "Ask for the appointment of an Engineer of Record for every facility and a dam-break-based emergency plan exercised with communities and authorities within 12 months.",
      when = function(a)
        local count = util.num(a, "mining.tailings.facilities")
        if not (count and count > 0) then
          return false
        end
        local missing = {}
        for _, id in ipairs({ "mining.tailings.eor", "mining.tailings.emergency" }) do
          if lacking(a, id) then
            missing[#missing + 1] = id
          end
        end
        if #missing > 0 then
          return { questions = missing }
        end
      end },

    -- Severity: scale 5 (worst form of child labour: hazardous underground and processing
    -- work), scope 3, irremediable 4 (lasting harm to health and education). Likelihood 5 when
    -- confirmed, 4 when credibly reported. Red flag. The rule reads one answer, the trigger
    -- itself: a miner that cannot say whether children work at the artisanal sites it works
    -- with or buys from cannot rule it out (unknown = "assume": the finding, not a request).
    { id = "mining.asm.child_labour", title = "Child labour at artisanal mining sites on the concessions or in the supply",
      duties = { "CSDDD.ANX.I1.10", "CSDDD.ANX.I1.09", "OECD.MIN.AII.SA", "IRMA.3.6" },
      severity = { scale = 5, scope = 3, irremediable = 4 }, likelihood = 5,
      red_flag = true, group = "child_labour", risks = { "child_labour" }, unknown = "assume",
      impact = "actual",
      action = "Require immediate removal of children from mining work with a child-centred remediation programme (schooling, income support for families) run with a specialised organisation; suspend purchases from sites where it is refused.",
      details = { unverified = "Credible reports not yet verified." },
      when = function(a)
        local presence = a["mining.asm.presence"]
        if util.has(presence, "none") or (util.has(presence, "adjacent") and not util.has(presence, "on_concession")
            and not util.has(presence, "sourced")) then
          return nil -- no artisanal mining on the concessions or in the supply
        end
        local v = a["mining.asm.child_labour"]
        if v == "confirmed" then
          return true
        elseif v == "suspected" then
          return { likelihood = 4, detail = { "unverified" } }
        end
      end },

    -- Severity: scale 5, scope 3, irremediable 4, as above. Likelihood 3: child labour is
    -- widespread in ASM and nobody is looking. In a conflict-affected or high-risk area the next
    -- rule applies instead.
    { id = "mining.asm.unmonitored", title = "Artisanal mining on the concessions or in the supply is not monitored for child labour",
      duties = { "CSDDD.ANX.I1.10", "OECD.MIN.S2", "IRMA.3.6" },
      severity = { scale = 5, scope = 3, irremediable = 4 }, likelihood = 3,
      impact = "potential", group = "child_labour", risks = { "child_labour" },
      action = "Ask for independent monitoring of the ASM sites on the concessions and in the supply, at least twice a year, with child-labour indicators and reporting to the buyer.",
      when = function(a)
        local presence = a["mining.asm.presence"]
        local exposed = util.has(presence, "on_concession") or util.has(presence, "sourced")
        local v = a["mining.asm.child_labour"]
        return exposed and v == "not_monitored"
      end },

    -- Severity: scale 5 (worst forms of child labour), scope 4 (artisanal sites in a conflict-
    -- affected area employ many children), irremediable 5. Likelihood 4. The worst forms of child
    -- labour are a serious abuse under Annex II of the OECD minerals guidance, where a reasonable
    -- risk calls for suspending or ending engagement: unmonitored artisanal supply from a
    -- conflict-affected or high-risk area is that reasonable risk. A red flag; in that context not
    -- knowing ("unknown") cannot rule it out either. Where the context itself is unknown, the
    -- engine asks for it (information needed) rather than assume it.
    { id = "mining.asm.cahra_unmonitored", title = "Unmonitored artisanal supply from a conflict-affected or high-risk area",
      duties = { "CSDDD.ANX.I1.10", "OECD.MIN.AII.SA", "OECD.MIN.S3", "IRMA.3.6", "IRMA.3.4" },
      severity = { scale = 5, scope = 4, irremediable = 5 }, likelihood = 4,
      red_flag = true, impact = "potential", group = "child_labour",
      risks = { "child_labour", "conflict" },
      action = "Suspend purchases from the unmonitored artisanal sources until independent monitoring with child-labour indicators is in place, and support a child-labour remediation programme in the sourcing area (OECD Annex II).",
      details = { not_known = "The supplier does not know whether child labour occurs at these sites." },
      when = function(a)
        if a["mining.cahra.exposure"] ~= "yes" then return nil end
        local presence = a["mining.asm.presence"]
        if not (util.has(presence, "on_concession") or util.has(presence, "sourced")) then return nil end
        local v = a["mining.asm.child_labour"]
        if v == "unknown" then
          return { detail = { "not_known" } }
        end
        return v == "not_monitored"
      end },

    -- Severity: scale 4 (violent evictions, loss of livelihood), scope 3, irremediable 4.
    -- Likelihood 3: where ASM and large mines meet without a strategy, conflicts are common.
    { id = "mining.asm.no_engagement", title = "No engagement strategy with artisanal miners",
      duties = { "IRMA.3.6", "CSDDD.A10", "CSDDD.ANX.I1.16" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 3,
      impact = "potential",
      action = "Ask for an ASM baseline survey and an engagement strategy agreed with ASM organisations, including a ban on violent removal and support for formalisation.",
      when = function(a)
        local presence = a["mining.asm.presence"]
        local present = util.has(presence, "adjacent") or util.has(presence, "on_concession") or util.has(presence, "sourced")
        return present and lacking(a, "mining.asm.engagement")
      end },

    -- Severity: scale 4 (neurological harm to miners and communities), scope 5 (mercury spreads
    -- through air, rivers and fish), irremediable 5 (persistent contamination). Likelihood 5: the
    -- practice is in use. Red flag.
    { id = "mining.gold.whole_ore", title = "Whole-ore mercury amalgamation in gold processing",
      duties = { "CSDDD.ANX.I1.15", "IRMA.4.8", "CSDDD.ANX.II.05" },
      severity = { scale = 4, scope = 5, irremediable = 5 }, likelihood = 5,
      red_flag = true, group = "mercury",
      impact = "actual",
      action = "Require an end to whole-ore amalgamation and amalgam burning within a dated plan (mercury-free processing, concentrate only with retorts as an interim step), with health checks for exposed workers and communities.",
      when = function(a)
        return a["mining.gold.processing"] == "whole_ore"
      end },

    -- Severity: scale 5 (cyanide releases kill), scope 3, irremediable 4. Likelihood 3.
    { id = "mining.cyanide.unmanaged", title = "Cyanide used without the International Cyanide Management Code",
      duties = { "IRMA.4.7", "CSDDD.ANX.I1.15" },
      severity = { scale = 5, scope = 3, irremediable = 4 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a gap assessment against the International Cyanide Management Code and certification within 24 months, covering transport and storage.",
      when = function(a)
        return util.is(a, "mining.cyanide.code", "not_aligned", "unknown")
      end },

    -- Severity: scale 5 (torture, killings), scope 3, irremediable 5. Likelihood 3: public
    -- forces at mine sites without agreed rules are a recurrent source of abuse.
    { id = "mining.security.public_no_agreement", title = "Public security at mine sites without a human-rights agreement",
      duties = { "VPSHR.PUB", "OECD.MIN.AII.SEC", "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.02" },
      severity = { scale = 5, scope = 3, irremediable = 5 }, likelihood = 3,
      impact = "potential", group = "security_abuse", risks = { "conflict" },
      action = "Ask the supplier to negotiate a written agreement with the authorities covering conduct, training, use of force, incident reporting and transparent payments, within 6 months.",
      when = function(a)
        return util.has(a["community.security.forces"], "public") and lacking(a, "mining.security.public_mou")
      end },

    -- Severity: scale 4, scope 4 (rivers and aquifers downstream), irremediable 5 (drainage can
    -- last for centuries). Likelihood 3.
    { id = "mining.water.acid_drainage", title = "Acid and metal drainage not assessed or not managed",
      duties = { "IRMA.4.1", "IRMA.4.2", "CSDDD.ANX.I1.15" },
      severity = { scale = 4, scope = 4, irremediable = 5 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a geochemical assessment of waste rock and tailings and a drainage collection, treatment and monitoring plan covering operation and closure.",
      when = function(a)
        return util.is(a, "mining.water.acid_drainage", "unmanaged", "not_assessed")
      end },

    -- Severity: scale 4, scope 3, irremediable 4 (abandoned mines leave lasting pollution and
    -- safety hazards). Likelihood 3.
    { id = "mining.closure.underfunded", title = "Closure not planned or not financially assured",
      duties = { "IRMA.2.6", "CSDDD.ANX.I1.15" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a costed closure plan prepared with the communities and financial assurance for the full estimate held by a third party.",
      details = { assured = "Financial assurance covers %d%% of the closure cost." },
      when = function(a)
        if lacking(a, "mining.closure.plan") then
          return { questions = { "mining.closure.plan" } }
        end
        local share = util.num(a, "mining.closure.assurance")
        if share and share < 50 then
          return { questions = { "mining.closure.assurance" },
                   detail = { "assured", math.floor(share) } }
        end
      end },

    -- Severity: scale 5 (serious abuses and financing of armed groups), scope 4, irremediable 5.
    -- Likelihood 4 without any OECD due diligence, 3 with partial due diligence. Exposure not
    -- checked ("unknown") is judged as the worst of its answers (information needed).
    { id = "mining.cahra.no_due_diligence", title = "Minerals from conflict-affected or high-risk areas without OECD due diligence",
      duties = { "OECD.MIN.S2", "OECD.MIN.S3", "OECD.MIN.AII.SA", "OECD.MIN.AII.NSAG", "IRMA.3.4" },
      severity = { scale = 5, scope = 4, irremediable = 5 }, likelihood = 4,
      impact = "potential", risks = { "conflict" },
      action = "Ask for a supply chain policy in line with OECD Annex II, chain-of-custody data to the mine, a risk management plan and an independent audit within 12 months.",
      when = function(a)
        local exposure = a["mining.cahra.exposure"]
        local dd = a["mining.cahra.oecd"]
        if exposure == "yes" then
          if dd == "partial" then
            return { likelihood = 3 }
          end
          return dd ~= "yes"
        end
      end },

    -- Severity: scale 3 (communities cannot check the facility's safety or prepare), scope 4,
    -- irremediable 2. Likelihood 3. Part of the tailings group: transparency is how the people
    -- downstream hold the operator to account (GISTM Principle 15).
    { id = "mining.tailings.undisclosed", title = "Tailings facility information not disclosed",
      duties = { "GISTM.P15", "GISTM.P1" },
      severity = { scale = 3, scope = 4, irremediable = 2 }, likelihood = 3,
      impact = "potential", group = "tailings",
      action = "Ask for the GISTM disclosure of every facility within six months, starting with the highest consequence classification.",
      when = function(a)
        local count = util.num(a, "mining.tailings.facilities")
        return count ~= nil and count > 0 and lacking(a, "mining.tailings.disclosure")
      end },

    -- Severity: scale 5, scope 5, irremediable 5 (a failure at a High or worse facility). Likelihood
    -- 2: the facility may be sound, but nobody independent has checked. Part of the tailings group.
    { id = "mining.tailings.no_independent_review", title = "High-consequence tailings facilities without independent review",
      duties = { "GISTM.P10", "GISTM.P5" },
      severity = { scale = 5, scope = 5, irremediable = 5 }, likelihood = 2,
      impact = "potential", group = "tailings",
      action = "Ask for an independent tailings review board or senior independent reviewer to be appointed within six months and for the first review's findings.",
      when = function(a)
        return util.is(a, "mining.tailings.consequence", "high", "very_high", "extreme", "not_classified")
            and lacking(a, "mining.tailings.independent_review")
      end },

    -- Severity: scale 4 (silicosis and other occupational lung diseases are disabling and fatal),
    -- scope 3, irremediable 5 (they cannot be cured). Likelihood 3: without measurement and
    -- surveillance, exposure above limits goes unnoticed for years.
    { id = "mining.ohs.disease_uncontrolled", title = "Exposure to silica and other causes of occupational disease not controlled",
      duties = { "CSDDD.ANX.I1.06", "IRMA.3.2", "ICMM.P5" },
      severity = { scale = 4, scope = 3, irremediable = 5 }, likelihood = 3,
      impact = "potential",
      action = "Ask for an occupational hygiene survey by similar exposure group, engineering controls where limits are exceeded, and medical surveillance of exposed workers within 12 months.",
      when = function(a)
        return lacking(a, "mining.ohs.occupational_disease")
      end },

    -- Severity: scale 3 (health, sleep, damaged homes), scope 3, irremediable 2. Likelihood 3.
    { id = "mining.community.nuisance", title = "Dust, noise and blasting effects on communities not managed",
      duties = { "IRMA.4.3", "IRMA.4.4", "IRMA.3.3", "CSDDD.ANX.I1.15" },
      severity = { scale = 3, scope = 3, irremediable = 2 }, likelihood = 3,
      impact = "potential",
      action = "Ask for monitoring at the nearest homes against agreed limits, blast notices and an independent process for damage claims.",
      when = function(a)
        return lacking(a, "mining.community.dust_noise_blasting")
      end },

    -- Severity: scale 3 (security risks change; an old assessment misses them), scope 3,
    -- irremediable 3. Likelihood 2. Part of the security group.
    { id = "mining.security.assessment_outdated", title = "Security and human rights risk assessment out of date",
      duties = { "VPSHR.RA", "IRMA.3.5" },
      severity = { scale = 3, scope = 3, irremediable = 3 }, likelihood = 2,
      impact = "potential", group = "security_abuse",
      action = "Ask for the security and human rights risk assessment to be updated with local stakeholders within six months, and after any significant change.",
      when = function(a, ctx)
        local v = a["mining.security.risk_assessment_date"]
        local year = type(v) == "string" and tonumber(string.sub(v, 1, 4))
        return year and ctx and ctx.period and ctx.period - year >= 3 or false
      end },

    -- Severity: scale 4 (private guards without a code or oversight use force unchecked), scope 3,
    -- irremediable 4. Likelihood 2. Part of the security group.
    { id = "mining.security.private_unaccountable", title = "Private security contractors outside the International Code of Conduct",
      duties = { "ICOC.CODE", "VPSHR.PRIV" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 2,
      impact = "potential", group = "security_abuse",
      action = "Require private security contractors to join the International Code of Conduct Association and to be certified within 12 months, and write it into their contracts.",
      when = function(a)
        return a["mining.security.private_icoca"] == "not_member"
      end },

    -- Severity: scale 4 (undisclosed support links the supplier to whatever the forces do, and can
    -- fund abusive units or conflict), scope 3, irremediable 4. Likelihood 3. Part of the security
    -- group.
    { id = "mining.security.payments_undisclosed", title = "Payments or support to public security not recorded or disclosed",
      duties = { "OECD.MIN.AII.SEC", "VPSHR.PUB", "EITI.R4" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 3,
      impact = "potential", group = "security_abuse", risks = { "conflict" },
      action = "Ask for every payment and in-kind support to public security to be put under a written agreement, recorded and published within six months.",
      when = function(a)
        return a["mining.security.public_payments"] == "undisclosed"
      end },

    -- Severity: scale 3 (bribery diverts public revenue and buys licences that should not be
    -- granted), scope 4 (a country's population), irremediable 2. Likelihood 3; 4 where the
    -- supplier is exposed to conflict-affected or high-risk areas (OECD Annex II).
    { id = "mining.integrity.bribery_unmanaged", title = "No anti-bribery programme",
      duties = { "OECD.MIN.AII.BRIB", "OECD.MNE.VII", "ICMM.P1" },
      severity = { scale = 3, scope = 4, irremediable = 2 }, likelihood = 3,
      impact = "potential", risks = { "eu_aml_high_risk" },
      action = "Ask for an anti-bribery programme covering facilitation payments, intermediaries and joint-venture partners, with an independent audit within 12 months.",
      when = function(a)
        if not lacking(a, "mining.integrity.anti_bribery") then return nil end
        if a["mining.cahra.exposure"] == "yes" then return { likelihood = 4 } end
        return { questions = { "mining.integrity.anti_bribery" } }
      end },

    -- Severity: scale 2 (a contribution to climate change rather than a direct harm), scope 5
    -- (global), irremediable 3 (emissions not cut now add up). Likelihood 3: a medium finding.
    -- Cites the OECD Guidelines and IRMA: under the CSDDD as amended by Omnibus I the climate plan
    -- (Art 22) is no longer a duty.
    { id = "mining.climate.unmanaged", title = "Greenhouse-gas emissions not measured or without targets",
      duties = { "OECD.MNE.VI", "IRMA.4.5", "ICMM.P6" },
      severity = { scale = 2, scope = 5, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a published greenhouse-gas inventory and absolute reduction targets consistent with the Paris Agreement within 12 months.",
      when = function(a)
        return lacking(a, "mining.climate.ghg")
      end },

    -- Severity: scale 2, scope 3 (public revenue lost to communities), irremediable 1.
    -- Likelihood 2. A transparency gap, not a harm in itself.
    { id = "mining.transparency.payments_hidden", title = "Payments to governments and beneficial owners not disclosed",
      duties = { "EITI.R4", "EITI.R2.5", "OECD.MIN.AII.TAX" },
      severity = { scale = 2, scope = 3, irremediable = 1 }, likelihood = 2,
      impact = "potential",
      action = "Ask for a yearly report of payments to governments by project and a public statement of beneficial ownership.",
      when = function(a)
        return lacking(a, "mining.transparency.payments")
      end },
  },

  tests = (function()
    -- A well-run copper and gold miner: every module question answered well. Tests change only
    -- what they test.
    local good = {
      -- core
      ["core.policy.commitment"] = "yes", ["core.policy.senior_approval"] = "yes",
      ["core.policy.partner_code"] = "yes", ["core.policy.last_review"] = "2025-02-14",
      ["core.risk.mapping"] = "yes", ["core.risk.depth"] = "high_risk_indirect",
      ["core.risk.prioritisation"] = "yes", ["core.prevention.action_plan"] = "yes",
      ["core.prevention.contract_cascade"] = "yes", ["core.corrective.process"] = "yes",
      ["core.corrective.open_impacts"] = 1, ["core.remediation.process"] = "yes",
      ["core.stakeholders.engagement"] = "yes", ["core.grievance.mechanism"] = "yes",
      ["core.grievance.legitimate"] = "yes", ["core.grievance.accessible"] = "yes",
      ["core.grievance.predictable"] = "yes", ["core.grievance.equitable"] = "partial",
      ["core.grievance.transparent"] = "yes", ["core.grievance.rights_compatible"] = "yes",
      ["core.grievance.learning"] = "yes", ["core.grievance.dialogue"] = "yes",
      ["core.monitoring.frequency"] = "annual", ["core.reporting.statement"] = "yes",
      -- community
      ["community.indigenous_land"] = "yes", ["community.fpic"] = "yes",
      ["community.land.tenure_identified"] = 95, ["community.resettlement"] = "voluntary",
      ["community.livelihood_restoration"] = "yes", ["community.consultation"] = "yes",
      ["community.water_access"] = "yes", ["community.heritage"] = "yes",
      ["community.security.forces"] = { "private", "public" }, ["community.security.vpshr"] = "yes",
      ["community.security.incidents"] = 1, ["community.security.investigated"] = "yes",
      -- environment
      ["environment.eia"] = "yes", ["environment.permits"] = "yes",
      ["environment.pollution.monitoring"] = "yes", ["environment.pollution.incidents"] = 0,
      ["environment.pollution.remediated"] = "na", ["environment.mercury"] = "none",
      ["environment.pops"] = "yes", ["environment.waste.export"] = "none",
      ["environment.biodiversity.sites"] = "adjacent", ["environment.biodiversity.plan"] = "yes",
      -- labour
      ["labour.recruitment_fees.paid_by_workers"] = "no", ["labour.forced.documents_retained"] = "no",
      ["labour.forced.movement_restricted"] = "no", ["labour.forced.debt_bondage"] = "no",
      ["labour.hours.over60_share"] = 2, ["labour.hours.policy"] = "yes",
      ["labour.child.age_verification"] = "yes", ["labour.child.minimum_age"] = 18,
      ["labour.child.found"] = "no", ["labour.child.hazardous_under18"] = "no_young_workers",
      ["labour.child.remediation"] = "yes", ["labour.wage.living_wage_gap"] = "yes",
      ["labour.ohs.fatalities"] = 0, ["labour.ohs.ltifr"] = 0.8, ["labour.ohs.committee"] = "yes",
      ["labour.foa.representation"] = "union_cba", ["labour.foa.retaliation"] = "none",
      ["labour.discrimination.policy"] = "yes", ["labour.migrant.share"] = 5,
      ["labour.migrant.recruitment"] = "yes",
      -- human rights defenders
      ["hrd.commitment"] = "yes", ["hrd.lawsuits"] = "no", ["hrd.retaliation"] = "none",
      ["hrd.threats_nearby"] = "none_reported", ["hrd.response"] = "yes", ["hrd.engagement"] = "yes",
      ["hrd.grievance_protection"] = "yes",
      -- mining
      ["mining.asm.presence"] = { "adjacent" }, ["mining.asm.engagement"] = "yes",
      ["mining.asm.child_labour"] = "no_asm",
      ["mining.tailings.facilities"] = 2, ["mining.tailings.consequence"] = "very_high",
      ["mining.tailings.gistm"] = "yes", ["mining.tailings.eor"] = "yes", ["mining.tailings.emergency"] = "yes",
      ["mining.gold.processing"] = "mercury_free", ["mining.cyanide.code"] = "certified",
      ["mining.fpic.new_projects"] = "yes", ["mining.security.public_mou"] = "yes",
      ["mining.water.balance"] = "yes", ["mining.water.acid_drainage"] = "managed",
      ["mining.closure.plan"] = "yes", ["mining.closure.assurance"] = 100,
      ["mining.cahra.exposure"] = "no", ["mining.cahra.oecd"] = "na",
      ["mining.transparency.payments"] = "yes",
      ["mining.tailings.disclosure"] = "yes", ["mining.tailings.independent_review"] = "yes",
      ["mining.ohs.occupational_disease"] = "yes", ["mining.community.dust_noise_blasting"] = "yes",
      ["mining.benefits.sharing"] = "yes", ["mining.security.risk_assessment_date"] = "2025-03-01",
      ["mining.security.private_icoca"] = "certified", ["mining.security.public_payments"] = "disclosed",
      ["mining.integrity.anti_bribery"] = "yes", ["mining.climate.ghg"] = "yes",
      ["mining.certifications"] = { "irma" },
      ["labour.hours.overtime_voluntary"] = "yes", ["labour.gbvh.prevention"] = "yes",
      ["labour.gbvh.cases"] = "none_reported",
    }
    local function with(changes)
      local t = {}
      for k, v in pairs(good) do t[k] = v end
      for k, v in pairs(changes) do t[k] = v end
      return t
    end
    local MINING = { "mining.fpic.new_project", "mining.tailings.high_consequence", "mining.tailings.gistm_gap",
                     "mining.tailings.safety_controls", "mining.asm.child_labour", "mining.asm.unmonitored",
                     "mining.asm.no_engagement", "mining.gold.whole_ore", "mining.cyanide.unmanaged",
                     "mining.security.public_no_agreement", "mining.water.acid_drainage",
                     "mining.closure.underfunded", "mining.cahra.no_due_diligence",
                     "mining.transparency.payments_hidden", "mining.tailings.undisclosed",
                     "mining.tailings.no_independent_review", "mining.ohs.disease_uncontrolled",
                     "mining.community.nuisance", "mining.security.assessment_outdated",
                     "mining.security.private_unaccountable", "mining.security.payments_undisclosed",
                     "mining.integrity.bribery_unmanaged", "mining.climate.unmanaged" }
    return {
      { name = "a well-run miner rates A with no mining finding and no red flag",
        answers = good, context = { supplier = { country = "CL", sector = "mining" }, period = 2025 },
        evidence = true,
        expect = { absent = MINING, rating = "A", red_flag = false } },

      { name = "a new project on indigenous land without consent is a red flag capping the rating at D",
        answers = with { ["mining.fpic.new_projects"] = "no" }, context = { period = 2025 },
        expect = { findings = { "mining.fpic.new_project" }, absent = { "community.fpic.absent" },
                   red_flag = true, rating = "D" } },
      { name = "new projects away from indigenous land need no consent",
        answers = with { ["community.indigenous_land"] = "no", ["community.fpic"] = "na", ["mining.fpic.new_projects"] = "na" },
        expect = { absent = { "mining.fpic.new_project", "community.fpic.absent" }, red_flag = false } },

      { name = "a Very High consequence facility not conforming to GISTM is a red flag",
        answers = with { ["mining.tailings.gistm"] = "partial" },
        expect = { findings = { "mining.tailings.high_consequence" }, absent = { "mining.tailings.gistm_gap" },
                   red_flag = true } },
      { name = "an Extreme facility that conforms is not a red flag",
        answers = with { ["mining.tailings.consequence"] = "extreme" },
        expect = { absent = { "mining.tailings.high_consequence" }, red_flag = false } },

      { name = "a High consequence facility not conforming is a finding but not a red flag",
        answers = with { ["mining.tailings.consequence"] = "high", ["mining.tailings.gistm"] = "no" },
        expect = { findings = { "mining.tailings.gistm_gap" }, absent = { "mining.tailings.high_consequence" },
                   red_flag = false } },
      { name = "unclassified facilities are a GISTM gap",
        answers = with { ["mining.tailings.consequence"] = "not_classified", ["mining.tailings.gistm"] = "unknown" },
        expect = { findings = { "mining.tailings.gistm_gap" } } },
      { name = "no tailings facilities: no tailings finding",
        answers = with { ["mining.tailings.facilities"] = 0, ["mining.tailings.consequence"] = "none",
                         ["mining.tailings.gistm"] = "na", ["mining.tailings.eor"] = "na",
                         ["mining.tailings.emergency"] = "na" },
        expect = { absent = { "mining.tailings.gistm_gap", "mining.tailings.high_consequence",
                              "mining.tailings.safety_controls" } } },

      { name = "an untested emergency plan is not a safety-control finding",
        answers = with { ["mining.tailings.emergency"] = "partial" },
        expect = { absent = { "mining.tailings.safety_controls" } } },
      { name = "no Engineer of Record is a finding",
        answers = with { ["mining.tailings.eor"] = "no" },
        expect = { findings = { "mining.tailings.safety_controls" } } },

      { name = "confirmed child labour at ASM sites in the supply is a red flag",
        answers = with { ["mining.asm.presence"] = { "sourced" }, ["mining.asm.child_labour"] = "confirmed" },
        expect = { findings = { "mining.asm.child_labour" }, absent = { "mining.asm.unmonitored" },
                   red_flag = true } },
      { name = "credible reports of child labour at ASM sites are a red flag",
        answers = with { ["mining.asm.presence"] = { "on_concession" }, ["mining.asm.child_labour"] = "suspected" },
        expect = { findings = { "mining.asm.child_labour" }, red_flag = true } },
      { name = "monitored ASM supply without child labour is not flagged",
        answers = with { ["mining.asm.presence"] = { "sourced" }, ["mining.asm.child_labour"] = "none_verified" },
        expect = { absent = { "mining.asm.child_labour", "mining.asm.unmonitored" }, red_flag = false } },

      { name = "unmonitored ASM on the concession is a finding",
        answers = with { ["mining.asm.presence"] = { "on_concession", "adjacent" }, ["mining.asm.child_labour"] = "not_monitored" },
        expect = { findings = { "mining.asm.unmonitored" }, absent = { "mining.asm.child_labour" } } },

      { name = "ASM next to the concession without engagement",
        answers = with { ["mining.asm.engagement"] = "no" },
        expect = { findings = { "mining.asm.no_engagement" } } },
      { name = "no ASM at all needs no engagement strategy",
        answers = with { ["mining.asm.presence"] = { "none" }, ["mining.asm.engagement"] = "na" },
        expect = { absent = { "mining.asm.no_engagement", "mining.asm.unmonitored" } } },

      { name = "whole-ore amalgamation is an actual, severe red flag: E",
        answers = with { ["mining.gold.processing"] = "whole_ore" }, context = { period = 2025 },
        evidence = true,
        expect = { findings = { "mining.gold.whole_ore" }, red_flag = true, rating = "E" } },
      { name = "concentrate amalgamation with retorts is not the whole-ore red flag",
        answers = with { ["mining.gold.processing"] = "concentrate_retort" },
        expect = { absent = { "mining.gold.whole_ore" }, red_flag = false } },

      { name = "cyanide without the Code",
        answers = with { ["mining.cyanide.code"] = "not_aligned" },
        expect = { findings = { "mining.cyanide.unmanaged" } } },
      { name = "no cyanide used",
        answers = with { ["mining.cyanide.code"] = "not_used" },
        expect = { absent = { "mining.cyanide.unmanaged" } } },

      { name = "public security without an agreement",
        answers = with { ["mining.security.public_mou"] = "no" },
        expect = { findings = { "mining.security.public_no_agreement" } } },
      { name = "private guards only need no agreement with public forces",
        answers = with { ["community.security.forces"] = { "private" }, ["mining.security.public_mou"] = "na" },
        expect = { absent = { "mining.security.public_no_agreement" } } },

      { name = "acid drainage not assessed",
        answers = with { ["mining.water.acid_drainage"] = "not_assessed" },
        expect = { findings = { "mining.water.acid_drainage" } } },
      { name = "no acid-generating material",
        answers = with { ["mining.water.acid_drainage"] = "not_generating" },
        expect = { absent = { "mining.water.acid_drainage" } } },

      { name = "closure assurance below half of the cost",
        answers = with { ["mining.closure.assurance"] = 30 },
        expect = { findings = { "mining.closure.underfunded" } } },
      { name = "no closure plan",
        answers = with { ["mining.closure.plan"] = "no" },
        expect = { findings = { "mining.closure.underfunded" } } },
      { name = "a plan without community input and 60% assurance is not flagged",
        answers = with { ["mining.closure.plan"] = "partial", ["mining.closure.assurance"] = 60 },
        expect = { absent = { "mining.closure.underfunded" } } },

      { name = "CAHRA sourcing without OECD due diligence",
        answers = with { ["mining.cahra.exposure"] = "yes", ["mining.cahra.oecd"] = "no" },
        expect = { findings = { "mining.cahra.no_due_diligence" } } },
      { name = "CAHRA exposure not checked",
        answers = with { ["mining.cahra.exposure"] = "unknown", ["mining.cahra.oecd"] = "unknown" },
        expect = { info = { "mining.cahra.no_due_diligence" } } },
      { name = "unmonitored artisanal supply from a conflict-affected area is a red flag",
        answers = with { ["mining.cahra.exposure"] = "yes", ["mining.cahra.oecd"] = "partial",
                         ["mining.asm.presence"] = { "sourced" }, ["mining.asm.child_labour"] = "not_monitored" },
        expect = { findings = { "mining.asm.cahra_unmonitored" }, red_flag = true } },
      { name = "the same supply with monitoring unknown cannot rule it out",
        answers = with { ["mining.cahra.exposure"] = "yes", ["mining.cahra.oecd"] = "partial",
                         ["mining.asm.presence"] = { "sourced" }, ["mining.asm.child_labour"] = "unknown" },
        expect = { findings = { "mining.asm.cahra_unmonitored" }, red_flag = true } },
      { name = "tailings count unknown with every control missing is not A",
        answers = with { ["mining.tailings.facilities"] = "unknown", ["mining.tailings.consequence"] = "unknown",
                         ["mining.tailings.gistm"] = "no", ["mining.tailings.eor"] = "no",
                         ["mining.tailings.emergency"] = "no" }, evidence = true, context = { period = 2025 },
        expect = { info = { "mining.tailings.high_consequence" }, rating = "D" } },
      { name = "CAHRA sourcing with full OECD due diligence",
        answers = with { ["mining.cahra.exposure"] = "yes", ["mining.cahra.oecd"] = "yes" },
        expect = { absent = { "mining.cahra.no_due_diligence" } } },

      { name = "tailings information not disclosed",
        answers = with { ["mining.tailings.disclosure"] = "no" },
        expect = { findings = { "mining.tailings.undisclosed" } } },
      { name = "a Very High facility without independent review",
        answers = with { ["mining.tailings.independent_review"] = "no" },
        expect = { findings = { "mining.tailings.no_independent_review" } } },
      { name = "silica exposure not controlled",
        answers = with { ["mining.ohs.occupational_disease"] = "no" },
        expect = { findings = { "mining.ohs.disease_uncontrolled" } } },
      { name = "blasting effects on communities not managed",
        answers = with { ["mining.community.dust_noise_blasting"] = "unknown" },
        expect = { findings = { "mining.community.nuisance" } } },
      { name = "a security risk assessment four years old", context = { period = 2025 },
        answers = with { ["mining.security.risk_assessment_date"] = "2021-05-01" },
        expect = { findings = { "mining.security.assessment_outdated" } } },
      { name = "private guards outside the International Code of Conduct",
        answers = with { ["mining.security.private_icoca"] = "not_member" },
        expect = { findings = { "mining.security.private_unaccountable" } } },
      { name = "undisclosed support to public security",
        answers = with { ["mining.security.public_payments"] = "undisclosed" },
        expect = { findings = { "mining.security.payments_undisclosed" } } },
      { name = "no anti-bribery programme where minerals come from a CAHRA",
        answers = with { ["mining.integrity.anti_bribery"] = "no", ["mining.cahra.exposure"] = "yes",
                         ["mining.cahra.oecd"] = "yes" },
        expect = { findings = { "mining.integrity.bribery_unmanaged" } } },
      { name = "no greenhouse-gas inventory or targets",
        answers = with { ["mining.climate.ghg"] = "no" },
        expect = { findings = { "mining.climate.unmanaged" } } },
      { name = "payments to governments not published",
        answers = with { ["mining.transparency.payments"] = "no" },
        expect = { findings = { "mining.transparency.payments_hidden" } } },
      { name = "payments published by country only is not flagged",
        answers = with { ["mining.transparency.payments"] = "partial" },
        expect = { absent = { "mining.transparency.payments_hidden" } } },
    }
  end)(),
}
