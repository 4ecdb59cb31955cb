-- tech.lua: sector pack for ICT and electronics manufacturing (components, contract manufacturing,
-- devices, network equipment, and suppliers of software and surveillance-capable products).
--
-- Method notes for reviewers:
-- * The pack composes the shared modules (core due-diligence process, labour, human rights
--   defenders, responsible minerals, environment) and adds what is specific to electronics: the RBA
--   Code of Conduct v8.0 and its Validated Assessment Program (VAP), dormitories, student workers,
--   migrant workers recruited through fee-charging agents, battery minerals, privacy, the sale of
--   surveillance-capable technology, government requests that affect freedom of expression, and
--   hazardous substances and e-waste.
-- * RBA sub-clause numbers (RBA.A1 ... RBA.E12) are recalled from Code v8.0 and should be checked
--   against the current Code text before publication.
-- * The CSDDD chain of activities covers downstream partners only in part, and excludes export-
--   controlled products once export is authorised. End-use due diligence for surveillance technology
--   therefore cites the UNGPs (which cover all business relationships) and the privacy item of the
--   CSDDD Annex; it does not claim a CSDDD duty where the Directive may not reach.
-- * Three red flags are specific to this sector: forced-labour indicators among migrant workers;
--   sales of surveillance technology to high-risk end users without end-use due diligence; and
--   minerals from CAHRAs through non-conformant smelters where serious abuses are identified.

local util = require "util"
local lacking = util.lacking
local core = require "core"
local labour = require "labour"
local hrd = require "hrd"
local minerals = require "minerals"
local environment = require "environment"

-- Forced-labour indicator questions of the labour module and the answer that means "present".
local FORCED_INDICATORS = {
  "labour.recruitment_fees.paid_by_workers", "labour.forced.documents_retained",
  "labour.forced.movement_restricted", "labour.forced.debt_bondage",
}

-- Returns the ids of the forced-labour indicator questions answered "yes".
local function forced_present(a)
  local ids = {}
  for _, id in ipairs(FORCED_INDICATORS) do
    if a[id] == "yes" then ids[#ids + 1] = id end
  end
  return ids
end

-- When factory questions do not apply: the supplier makes no physical product.
local NO_PRODUCTS = { ["tech.production"] = "none" }
-- When the surveillance questions do not apply.
local NO_SURVEILLANCE = { ["tech.surveillance.capabilities"] = "none" }

-- true when the supplier provides any housing to workers.
local function provides_housing(a)
  return util.is(a, "tech.housing.provided", "own", "third_party", "both")
end

return sector {
  id = "tech",
  title = "ICT and electronics manufacturing",
  version = "1.0.0",
  authors = { "diligo contributors" },
  license = "CC-BY-4.0",
  description = [[
For suppliers in the ICT and electronics value chain: component makers, contract manufacturers,
device and network-equipment makers, and vendors of software or equipment that can be used for
surveillance. Adds to the shared modules the RBA Code of Conduct areas (labour, health and safety,
environment, ethics, management system) and VAP audits, dormitories, student workers, migrant
recruitment, battery minerals, privacy, end-use due diligence for surveillance technology, freedom of
expression, and hazardous substances and e-waste.]],

  modules = { core, labour, hrd, minerals, environment },

  questions = {
    -- Profile ---------------------------------------------------------------------------------
    { id = "tech.production", kind = "choice", required = true,
      section = "Profile",
      text = "Do you make physical products, in your own factories or through contract manufacturers?",
      help = "Own: you run production sites. Outsourced: your products are made by contract manufacturers "
          .. "or component suppliers. None: you sell software or services only and make no physical "
          .. "product. Not scored: the factory questions (audits, dormitories, student workers, "
          .. "production health and safety, restricted substances) do not apply to 'none'.",
      options = {
        { value = "own", label = "Own production sites" },
        { value = "outsourced", label = "Products made by contract manufacturers" },
        { value = "none", label = "Software and services only, no physical products" },
      },
      duties = { "CSDDD.A08", "OECD.RBC.S2" } },

    { id = "tech.expression.exposure", kind = "choice", required = true,
      section = "Profile",
      text = "Do you hold user data, host content or run networks that governments could ask you to hand over, "
          .. "remove or shut down?",
      help = "Yes for operators of networks, platforms, cloud and data services. No for makers of components "
          .. "and devices that do not process their users' data. Not scored: the freedom-of-expression "
          .. "questions do not apply to 'no'.",
      options = {
        { value = "yes", label = "Yes" },
        { value = "no", label = "No" },
      },
      duties = { "UNGP.GP18", "CSDDD.ANX.I1.04" } },

    -- RBA Code and audits ---------------------------------------------------------------------
    { id = "tech.rba.code", kind = "maturity", weight = 3, required = true, evidence = true,
      section = "RBA Code and audits",
      text = "Have you adopted the RBA Code of Conduct (v8.0 or later), or an equivalent code, covering labour, "
          .. "health and safety, environment, ethics and a management system?",
      help = "Yes: the code is adopted by senior management for all your sites, with a management system that "
          .. "assigns responsibility, assesses risks, trains staff and keeps records (cite the code and the "
          .. "management-system procedure). Partial: adopted for some sites, or without the management "
          .. "system. No: not adopted.",
      duties = { "RBA.E1", "RBA.E2", "CSDDD.A07", "UNGP.GP16" } },

    { id = "tech.rba.audit", kind = "choice", weight = 3, required = true, evidence = true,
      na_when = NO_PRODUCTS,
      section = "RBA Code and audits",
      text = "What is the most recent independent audit of your main production sites?",
      help = "Choose the best audit completed in the 24 months before the end of the period and cite the "
          .. "audit report. 'vap_green' means an RBA VAP audit with a score above 180 (or a VAP "
          .. "recognition). 'vap' means a VAP audit with a lower score and a corrective action plan in "
          .. "progress. 'other_audit' means another independent, on-site social audit with worker "
          .. "interviews (for example SA8000 or SMETA 4-pillar). 'saq_only' means a self-assessment "
          .. "questionnaire only.",
      options = {
        { value = "vap_green", label = "RBA VAP, score above 180", score = 1 },
        { value = "vap", label = "RBA VAP, lower score, corrective plan in progress", score = 0.6 },
        { value = "other_audit", label = "Other independent on-site social audit", score = 0.5 },
        { value = "saq_only", label = "Self-assessment questionnaire only", score = 0.2 },
        { value = "none", label = "No audit or assessment", score = 0 },
      },
      duties = { "RBA.E9", "CSDDD.A15", "OECD.RBC.S4" } },

    { id = "tech.rba.priority_open", kind = "number", min = 0, unit = "findings", weight = 2,
      na_when = { ["tech.production"] = "none", ["tech.rba.audit"] = { "none", "saq_only" } },
      section = "RBA Code and audits",
      text = "How many Priority findings from your most recent audit are still open?",
      help = "Priority findings are the most serious non-conformances in the RBA VAP (for example forced "
          .. "labour, child labour, blocked emergency exits, imminent danger). Count those not yet verified "
          .. "as closed by the auditor. 0 scores full marks; any open Priority finding scores none. Use the "
          .. "equivalent category for other audit schemes.",
      score = function(v) if v == 0 then return 1 end return 0 end,
      duties = { "RBA.E10", "CSDDD.A11" } },

    { id = "tech.rba.next_tier", kind = "maturity", weight = 2, evidence = true,
      section = "RBA Code and audits",
      text = "Do you require your own suppliers to acknowledge and implement the RBA Code, and do you check "
          .. "the high-risk ones?",
      help = "Yes: next-tier suppliers sign the code or equivalent contract clauses, you run a risk assessment "
          .. "of them at least yearly, and high-risk suppliers (labour agents, sub-contracted assembly, "
          .. "chemical-intensive processes) are audited. Partial: code signed but no risk-based checks. "
          .. "No: not required.",
      duties = { "RBA.E12", "CSDDD.A10", "OECD.RBC.S3" } },

    -- Dormitories -----------------------------------------------------------------------------
    { id = "tech.housing.provided", kind = "choice", required = true, na_when = NO_PRODUCTS,
      section = "Dormitories and housing",
      text = "Do you provide housing or dormitories to workers, directly or through a third party?",
      help = "Informational: decides whether the housing-conditions question applies. 'third_party' "
          .. "includes dormitories run by a labour agent or a landlord you pay or arrange.",
      options = {
        { value = "none", label = "No housing provided" },
        { value = "own", label = "Own dormitories" },
        { value = "third_party", label = "Housing run by a labour agent or landlord" },
        { value = "both", label = "Both" },
      },
      duties = { "RBA.B7", "CSDDD.ANX.I1.07" } },

    { id = "tech.housing.conditions", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["tech.production"] = "none", ["tech.housing.provided"] = "none" },
      section = "Dormitories and housing",
      text = "Do all dormitories meet safety and decency standards and let workers come and go freely?",
      help = "Yes: checked in the last 12 months against a written standard covering space per person and "
          .. "beds per room, fire exits and drills, clean toilets and hot water, heating or ventilation, "
          .. "lockable personal storage, privacy and free entry and exit at any time, including housing "
          .. "run by agents (cite the inspection report). Partial: some dormitories or some criteria. No: "
          .. "no standard or known failures. na: no housing provided.",
      duties = { "RBA.B7", "CSDDD.ANX.I1.07", "CSDDD.ANX.I1.06" } },

    -- Student workers -------------------------------------------------------------------------
    { id = "tech.students.share", kind = "percent", required = true, na_when = NO_PRODUCTS,
      section = "Student workers and interns",
      text = "What share of your production workforce were student workers, interns or apprentices at the "
          .. "peak of the period?",
      help = "Informational: include vocational-school placements and interns supplied by schools or "
          .. "agents. 0 if none.",
      duties = { "RBA.A2", "CSDDD.ANX.I1.08" } },

    { id = "tech.students.protections", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["tech.production"] = "none", ["tech.students.share"] = 0 },
      section = "Student workers and interns",
      text = "Are student workers and interns protected: voluntary placement related to their studies, no "
          .. "night work or overtime for under-18s, and fair pay?",
      help = "Yes: a written agreement with each school, placements related to the course and chosen "
          .. "freely, no night shifts or overtime for under-18s, pay at least equal to entry-level workers "
          .. "doing the same tasks, records kept for each student, and a cap on the share of students. "
          .. "Partial: agreements exist but some protections are missing. No: none. na: no student "
          .. "workers.",
      duties = { "RBA.A2", "CSDDD.ANX.I1.08", "CSDDD.ANX.I1.10", "CSDDD.ANX.I1.11" } },

    -- Migrant workers and recruitment fees ----------------------------------------------------
    { id = "tech.recruitment.fee_reimbursement", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["labour.migrant.share"] = 0 },
      section = "Migrant workers and recruitment fees",
      text = "Where migrant workers paid recruitment fees, have you repaid them in full, and do you now pay "
          .. "all recruitment costs yourself?",
      help = "Yes: a fee survey of all migrant workers (including fees paid in the home country), full "
          .. "repayment within 90 days of discovery, and contracts with agents that forbid charging "
          .. "workers; cite the survey and the repayment records. Partial: repayment started or limited to "
          .. "receiving-country fees. No: not repaid. na: no migrant workers.",
      duties = { "RBA.A1", "CSDDD.ANX.I1.11", "CSDDD.A12" } },

    { id = "tech.recruitment.agents_audited", kind = "percent", weight = 2,
      na_when = { ["labour.migrant.share"] = 0 },
      section = "Migrant workers and recruitment fees",
      text = "What share of the labour agents you use (sending and receiving countries) were audited or "
          .. "screened for fees and deceptive recruitment in the last 24 months?",
      help = "Count every agent that supplied workers in the period. Screening means at least a documented "
          .. "check of licences, fee practices and worker interviews. Score = share / 100. 100 if you use "
          .. "no agents and hire directly; say so in the comment.",
      score = function(v) return v / 100 end,
      duties = { "RBA.A1", "RBA.E12", "CSDDD.ANX.I1.11" } },

    -- Health and safety -----------------------------------------------------------------------
    { id = "tech.ohs.hygiene", kind = "maturity", weight = 2, evidence = true, na_when = NO_PRODUCTS,
      section = "Health and safety",
      text = "Do you measure and control workers' exposure to chemicals used in electronics production, with "
          .. "medical surveillance for exposed workers?",
      help = "Yes: an inventory of hazardous chemicals (for example n-hexane, benzene, trichloroethylene, "
          .. "lead solder fumes), exposure measurements, engineering controls before protective "
          .. "equipment, substitution of the most toxic substances, and occupational health checks with "
          .. "results shared with workers. Partial: protective equipment only, or no exposure "
          .. "measurements. No: not managed.",
      duties = { "RBA.B4", "CSDDD.ANX.I1.06" } },

    { id = "tech.ohs.emergency", kind = "maturity", weight = 2, evidence = true, required = true,
      section = "Health and safety",
      text = "Are fire safety and emergency preparedness in place at every production site and dormitory?",
      help = "Yes: unlocked and unobstructed exits, alarms and sprinklers tested, evacuation drills at least "
          .. "yearly on every shift, and an emergency plan that covers dormitories. Partial: some sites. "
          .. "No: not in place.",
      duties = { "RBA.B2", "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.01" } },

    -- Battery minerals ------------------------------------------------------------------------
    { id = "tech.minerals.battery_dd", kind = "maturity", weight = 1,
      na_when = { ["minerals.scope"] = { none_of = { "cobalt", "graphite", "lithium", "nickel" } } },
      section = "Minerals",
      text = "If you make or integrate batteries, are you preparing for the EU Batteries Regulation due-"
          .. "diligence duties for cobalt, lithium, nickel and natural graphite?",
      help = "The due-diligence duties of Regulation (EU) 2023/1542 were postponed to apply from August "
          .. "2027. Yes: a battery-minerals policy, smelter and refiner data for the four minerals, and a "
          .. "plan for third-party verification. Partial: data collection started. No: not started. na: "
          .. "no batteries in your products.",
      duties = { "OECD.MIN.S1", "RBA.D7" } },

    -- Privacy -------------------------------------------------------------------------------
    { id = "tech.privacy.programme", kind = "maturity", weight = 2, evidence = true,
      section = "Privacy and data protection",
      text = "Do you protect the personal data of workers, customers and end users with a privacy programme?",
      help = "Yes: a named privacy officer, a record of processing, data minimisation, security controls, "
          .. "breach notification and impact assessments for high-risk processing, to the standard of the "
          .. "GDPR or stricter local law. Partial: policy without impact assessments or breach procedure. "
          .. "No: none.",
      duties = { "RBA.D8", "CSDDD.ANX.I1.04" } },

    { id = "tech.privacy.worker_monitoring", kind = "choice", weight = 2,
      section = "Privacy and data protection",
      text = "How do you monitor workers (cameras, biometrics, phone or computer monitoring)?",
      help = "'proportionate' means monitoring limited to safety and security needs, announced to workers, "
          .. "assessed for impact on privacy, and never in toilets, changing rooms or private dormitory "
          .. "areas. 'extensive' means broad monitoring that is announced but not limited (for example "
          .. "constant biometric tracking). 'intrusive' means covert monitoring or cameras in private "
          .. "areas.",
      options = {
        { value = "proportionate", label = "Limited, announced, assessed", score = 1 },
        { value = "extensive", label = "Broad but announced", score = 0.5 },
        { value = "intrusive", label = "Covert or in private areas", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.04", "RBA.D8" } },

    -- Surveillance technology -----------------------------------------------------------------
    { id = "tech.surveillance.capabilities", kind = "multi", required = true,
      section = "Surveillance technology and end use",
      text = "Which surveillance-capable products or services do you sell or help develop?",
      help = "Informational: tick every capability in your products, components or services, including "
          .. "custom development for a customer. 'none' if none applies.",
      options = { "facial_recognition", "biometrics", "lawful_interception", "intrusion_software",
                  "network_monitoring", "location_tracking", "video_analytics", "none" },
      duties = { "UNGP.GP13", "CSDDD.ANX.I1.04" } },

    { id = "tech.surveillance.end_use_dd", kind = "maturity", weight = 3, evidence = true,
      na_when = NO_SURVEILLANCE,
      section = "Surveillance technology and end use",
      text = "Before selling surveillance-capable products or services, do you carry out human rights due "
          .. "diligence on the end user and the end use?",
      help = "Yes: every sale is screened against the end user's human rights record (UN and NGO reports, "
          .. "sanctions), the intended use and the legal safeguards in the country; high-risk sales are "
          .. "escalated to senior management, refused or subject to contract conditions and audit rights; "
          .. "cite the procedure and a recent refusal or escalation. Partial: export-control screening "
          .. "only. No: none. na: no surveillance-capable products.",
      duties = { "UNGP.GP13", "UNGP.GP17", "UNGP.GP19", "OECD.RBC.S2", "CSDDD.ANX.I1.04" } },

    { id = "tech.surveillance.high_risk_customers", kind = "choice", weight = 2, required = true,
      na_when = NO_SURVEILLANCE,
      section = "Surveillance technology and end use",
      text = "In the reporting period, did you sell or service surveillance-capable products for police, "
          .. "intelligence or security agencies, or their contractors, in countries with a documented "
          .. "record of repression?",
      help = "A documented record means, for example, findings by UN treaty bodies or special procedures of "
          .. "arbitrary detention, persecution of journalists or human rights defenders, or unlawful "
          .. "surveillance. Answer for direct sales and sales through integrators or distributors that you "
          .. "know of. Such sales are not scored as failures on their own; the end-use check is what "
          .. "counts.",
      options = {
        { value = "none", label = "No such sales", score = 1 },
        { value = "yes", label = "Yes, such sales", score = 0.5 },
      },
      duties = { "UNGP.GP13", "UNGP.GP17", "CSDDD.ANX.I1.04", "CSDDD.ANX.I1.03" } },

    { id = "tech.surveillance.export_controls", kind = "maturity", weight = 2, evidence = true,
      na_when = NO_SURVEILLANCE,
      section = "Surveillance technology and end use",
      text = "Do you comply with export controls on cyber-surveillance items, including the EU Dual-Use "
          .. "Regulation's catch-all for unlisted items?",
      help = "Yes: a compliance programme for Regulation (EU) 2021/821 (or the equivalent national regime), "
          .. "classification of products, and a procedure to notify the authority when your due diligence "
          .. "shows that an unlisted cyber-surveillance item may be used for internal repression or "
          .. "serious human rights violations. Partial: listed items only. No: none. na: no surveillance-"
          .. "capable products.",
      duties = { "UNGP.GP23", "UNGP.GP13" } },

    -- Freedom of expression -------------------------------------------------------------------
    { id = "tech.expression.government_requests", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["tech.expression.exposure"] = "no" },
      section = "Freedom of expression",
      text = "Do you handle government requests for user data, content removal or network shutdowns in a way "
          .. "that respects privacy and freedom of expression?",
      help = "Yes: every request is checked for a legal basis and interpreted narrowly, overbroad requests "
          .. "are challenged where possible, users are notified where the law allows, and decisions are "
          .. "recorded (for example following the Global Network Initiative principles). Partial: legal "
          .. "review only. No: requests are executed without review. na: you hold no user data and run no "
          .. "networks or platforms.",
      duties = { "UNGP.GP23", "CSDDD.ANX.I1.04", "CSDDD.ANX.I2.ICCPR", "UNGP.GP19" } },

    { id = "tech.expression.transparency", kind = "maturity", weight = 1,
      na_when = { ["tech.expression.exposure"] = "no", small = true },
      section = "Freedom of expression",
      text = "Do you publish the number and type of government requests you receive and how you responded?",
      help = "Yes: a transparency report at least yearly, by country, as far as the law allows. Partial: "
          .. "aggregate numbers only. No: none. na: as in the previous question.",
      duties = { "UNGP.GP21", "OECD.RBC.S5" } },

    -- Hazardous substances and e-waste --------------------------------------------------------
    { id = "tech.substances.restricted", kind = "maturity", weight = 2, evidence = true, na_when = NO_PRODUCTS,
      section = "Hazardous substances and e-waste",
      text = "Do your products comply with RoHS, REACH and customer restricted-substance lists, backed by "
          .. "material declarations?",
      help = "Yes: full material declarations (for example IPC-1752A) for your products, supplier "
          .. "declarations for restricted substances (lead, mercury, cadmium, hexavalent chromium, PBB, "
          .. "PBDE, phthalates, persistent organic pollutants), and test reports for high-risk parts. "
          .. "Partial: declarations from some suppliers only. No: none.",
      duties = { "RBA.C6", "RBA.C3", "CSDDD.ANX.II.03", "CSDDD.ANX.II.06" } },

    { id = "tech.ewaste.recyclers", kind = "maturity", weight = 2, evidence = true,
      section = "Hazardous substances and e-waste",
      text = "Is your electronic and hazardous production waste handled by licensed recyclers that you have "
          .. "checked?",
      help = "Yes: all e-waste, scrap boards, solvents and sludges go to licensed facilities certified to an "
          .. "environmentally sound standard (for example e-Stewards, R2 or WEEELABEX), with downstream "
          .. "audits and waste transfer records. Partial: licensed but not checked. No: not managed. "
          .. "Cross-border shipments of such waste are asked in the environment section.",
      duties = { "RBA.C4", "CSDDD.ANX.II.10", "CSDDD.ANX.II.07" } },

    -- Forced labour imposed by states ---------------------------------------------------------
    { id = "tech.forced_labour.state_imposed", kind = "choice", weight = 3, required = true,
      section = "Forced labour imposed by states",
      text = "Do components or materials in your products come, or may they come, from regions or "
          .. "programmes where forced labour is imposed by the state (for example labour transfer "
          .. "programmes in the Xinjiang Uyghur Autonomous Region)?",
      help = "'no_traced': excluded by traceability of the parts and materials concerned (for example "
          .. "polysilicon, aluminium, cotton-based materials, components from suppliers named in such "
          .. "programmes). 'no_declared': excluded only by suppliers' declarations. 'possible': some "
          .. "inputs come through suppliers that source from such regions or take part in such "
          .. "programmes. 'yes': known. From December 2027 the EU Forced Labour Regulation (EU) "
          .. "2024/3015 bans products made with forced labour from the EU market.",
      options = {
        { value = "no_traced", label = "Excluded by traceability", score = 1 },
        { value = "no_declared", label = "Excluded by declarations only", score = 0.5 },
        { value = "possible", label = "Possibly", score = 0 },
        { value = "yes", label = "Yes", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.11", "CSDDD.ANX.I1.12", "UNGP.GP13", "UNGP.GP19" } },

    -- Wages, treatment, women's rights, purchasing --------------------------------------------
    { id = "tech.wages.deductions", kind = "choice", weight = 2, required = true, na_when = NO_PRODUCTS,
      section = "Wages, treatment and women's rights",
      text = "What deductions are made from workers' wages?",
      help = "'legal_only': only deductions required or allowed by law and agreed in writing (tax, social "
          .. "security). 'disciplinary': deductions as a penalty (lateness, mistakes, quitting early) or "
          .. "for tools, uniforms or training, which the RBA Code prohibits. Cite the payroll rules.",
      options = {
        { value = "legal_only", label = "Only legal, agreed deductions", score = 1 },
        { value = "disciplinary", label = "Disciplinary or cost deductions", score = 0 },
      },
      duties = { "RBA.A4", "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.11" } },

    { id = "tech.treatment.humane", kind = "maturity", weight = 2, evidence = true, na_when = NO_PRODUCTS,
      section = "Wages, treatment and women's rights",
      text = "Do you prohibit and prevent harsh and inhumane treatment (verbal abuse, corporal punishment, "
          .. "public humiliation, threats), with disciplinary rules that workers know?",
      help = "Yes: written disciplinary rules communicated to workers, supervisors trained, and worker "
          .. "interviews in audits confirming no abuse. Partial: a policy without training or checks. "
          .. "No: none.",
      duties = { "RBA.A5", "CSDDD.ANX.I1.02", "CSDDD.ANX.I1.06" } },

    { id = "tech.women.protection", kind = "maturity", weight = 2, evidence = true, na_when = NO_PRODUCTS,
      section = "Wages, treatment and women's rights",
      text = "Do you protect women workers' rights: no pregnancy tests or contraception requirements in "
          .. "hiring or employment, maternity leave and protection from dismissal, safe work for pregnant "
          .. "and nursing workers, and equal pay?",
      help = "Yes: a written policy with each of these, checked in the last audit (including worker "
          .. "interviews). Partial: some of them. No: none, or pregnancy tests are used.",
      duties = { "RBA.A6", "CSDDD.ANX.I1.14", "CSDDD.ANX.I2.CEDAW" } },

    { id = "tech.purchasing.practices", kind = "maturity", weight = 2, evidence = true,
      section = "Wages, treatment and women's rights",
      text = "Do you assess how your own purchasing practices (prices, lead times, forecast changes, "
          .. "payment terms) affect your suppliers' ability to pay fair wages and keep working hours "
          .. "within limits, and change them where they do?",
      help = "Yes: a review with suppliers at least yearly, costed labour in prices, and changes made "
          .. "(cite an example). Partial: a review without changes. No: not assessed.",
      duties = { "CSDDD.A10", "UNGP.GP19", "OECD.RBC.S3" } },

    -- Communities around production sites ------------------------------------------------------
    { id = "tech.community.water", kind = "maturity", weight = 2, evidence = true, na_when = NO_PRODUCTS,
      section = "Communities around production sites",
      text = "Do you assess and limit the water use and wastewater of your production sites where water "
          .. "is scarce or shared with communities, and share monitoring results with them?",
      help = "Yes: a water-risk assessment per site, limits on abstraction in water-stressed areas, "
          .. "wastewater treated to permit limits, and results shared with neighbouring communities. "
          .. "Partial: assessment without sharing, or some sites. No: none.",
      duties = { "CSDDD.ANX.I1.15", "RBA.C7", "RBA.C2" } },

    -- Ethics ----------------------------------------------------------------------------------
    { id = "tech.ethics.integrity", kind = "maturity", weight = 1, evidence = true,
      section = "Ethics",
      text = "Do you prohibit bribery and improper advantage, and protect whistleblowers?",
      help = "Yes: an anti-corruption policy with training, due diligence on intermediaries, a confidential "
          .. "reporting channel and a non-retaliation rule. Partial: policy without training or channel. "
          .. "No: none.",
      duties = { "RBA.D1", "RBA.D2", "RBA.D6", "OECD.RBC.S1" } },
  },

  rules = {
    -- Severity: scale 5 (forced labour), scope 4 (migrant workers in electronics are usually recruited
    -- in groups through the same agents), irremediable 4 (debts and lost years). Likelihood 4: migrant
    -- workers recruited through fee-charging agents are the most documented forced-labour pattern in
    -- electronics, so in this sector a single indicator among migrants is treated as a red flag (the
    -- labour module needs two). The EU Forced Labour Regulation (EU) 2024/3015 applies from December
    -- 2027 and turns this into a market-access risk as well.
    { id = "tech.migrant.forced_labour", title = "Forced-labour indicators among migrant workers",
      duties = { "CSDDD.ANX.I1.11", "CSDDD.ANX.I1.12", "RBA.A1", "CSDDD.A11" },
      severity = { scale = 5, scope = 4, irremediable = 4 }, likelihood = 4,
      red_flag = true, impact = "actual", group = "forced_labour", risks = { "forced_labour" },
      action = "Require within 30 days: return of all documents, removal of movement restrictions, a survey "
          .. "of fees paid by every migrant worker (home and host country) and full repayment within 90 "
          .. "days, termination of agents that charge workers, and an independent verification with "
          .. "worker interviews in their own language. Suspend new orders if the plan is not agreed.",
      details = { migrants = "%d indicator(s) present; migrants are %g%% of the workforce" },
      when = function(a)
        local share = util.num(a, "labour.migrant.share")
        if not share or share == 0 then return nil end
        local ids = forced_present(a)
        if #ids > 0 then
          ids[#ids + 1] = "labour.migrant.share"
          return { questions = ids,
                   detail = { "migrants", #ids - 1, share } }
        end
      end },

    -- Severity: scale 5 (surveillance can lead to arbitrary detention, torture and killings of
    -- journalists and defenders), scope 4 (whole populations), irremediable 5. Likelihood 4: the
    -- customer has a documented record of repression and the supplier did not check the end use.
    -- Impact "potential": the harm to people depends on the end user's use, which the supplier can
    -- still prevent (contract conditions, refusing support and updates).
    { id = "tech.surveillance.unchecked_sales", title = "Surveillance technology sold to high-risk end users "
          .. "without end-use due diligence",
      duties = { "UNGP.GP13", "UNGP.GP17", "UNGP.GP19", "CSDDD.ANX.I1.04", "CSDDD.ANX.I1.03" },
      severity = { scale = 5, scope = 4, irremediable = 5 }, likelihood = 4,
      red_flag = true, impact = "potential", group = "surveillance",
      action = "Stop new sales, updates and support to the end users concerned until an end-use human rights "
          .. "assessment is done; assess whether the authority must be notified under the Dual-Use "
          .. "Regulation catch-all; adopt an end-use due-diligence procedure with refusal criteria within "
          .. "three months.",
      when = function(a)
        return a["tech.surveillance.high_risk_customers"] == "yes"
            and a["tech.surveillance.end_use_dd"] ~= "yes"
      end },

    -- Severity: scale 5, scope 4, irremediable 5, as above. Intrusion software (spyware) sold to
    -- agencies with a record of repression, without end-use checks, is in use against people:
    -- the supplier contributes to actual abuses (surveillance of journalists and defenders,
    -- arbitrary detention). Actual, severe, unremediated: the rating can reach E.
    { id = "tech.surveillance.spyware_to_abusers",
      title = "Intrusion software sold to high-risk end users without end-use checks",
      duties = { "UNGP.GP13", "UNGP.GP19", "UNGP.GP22", "CSDDD.ANX.I1.04", "CSDDD.ANX.I1.03" },
      severity = { scale = 5, scope = 4, irremediable = 5 }, likelihood = 5,
      red_flag = true, impact = "actual", group = "surveillance",
      action = "Require the supplier to stop deliveries, updates and support to the end users concerned at "
          .. "once, to notify the export-control authority, and to cooperate with the remediation of "
          .. "the people targeted; suspend the relationship until it does.",
      when = function(a)
        return util.has(a["tech.surveillance.capabilities"], "intrusion_software")
            and a["tech.surveillance.high_risk_customers"] == "yes"
            and lacking(a, "tech.surveillance.end_use_dd")
      end },

    -- Severity: scale 5 (serious abuses: forced and child labour, sexual violence), scope 4, irremediable
    -- 5. Likelihood 4: the supplier itself reports CAHRA origin, serious-abuse risk and smelters that are
    -- not independently audited, so the minerals may be linked to the abuses.
    { id = "tech.minerals.cahra_nonconformant", title = "CAHRA minerals through non-conformant smelters with "
          .. "serious-abuse risk",
      duties = { "OECD.MIN.AII.SA", "OECD.MIN.S4", "OECD.MIN.S3", "RBA.D7", "CSDDD.A11" },
      severity = { scale = 5, scope = 4, irremediable = 5 }, likelihood = 4,
      red_flag = true, impact = "actual", group = "minerals_serious_abuse", risks = { "conflict" },
      action = "Require the supplier to identify the non-conformant smelters and refiners that source from "
          .. "CAHRAs, suspend them until they are RMAP, LBMA or RJC conformant, report the serious-abuse "
          .. "cases to senior management and to you within 30 days, and publish the outcome in its annual "
          .. "minerals report.",
      when = function(a)
        local share = util.num(a, "minerals.conformant_share")
        return a["minerals.cahra"] == "yes" and share ~= nil and share < 100
            and util.has(a["minerals.annex2_risks"], "serious_abuses")
      end },

    -- Severity: scale 5 (state-imposed forced labour), scope 5 (whole populations), irremediable 4.
    -- Likelihood 5 when the supplier says so, 4 when it may be so. A red flag; potential, since the
    -- buyer can still end the link by changing sourcing. Part of the forced-labour group.
    { id = "tech.forced_labour.state_imposed", title = "Inputs possibly made with state-imposed forced labour",
      duties = { "CSDDD.ANX.I1.11", "CSDDD.ANX.I1.12", "UNGP.GP13", "UNGP.GP19" },
      severity = { scale = 5, scope = 5, irremediable = 4 }, likelihood = 5,
      red_flag = true, impact = "potential", group = "forced_labour", risks = { "forced_labour" },
      action = "Require traceability of the inputs concerned to their origin within 90 days and exclusion of "
          .. "every supplier that sources from or takes part in state-imposed forced labour programmes.",
      when = function(a)
        local v = a["tech.forced_labour.state_imposed"]
        if v == "yes" then return true end
        if v == "possible" then return { likelihood = 4 } end
      end },

    -- Severity: scale 3 (loss of wages, and a means of coercion), scope 4 (every worker), irremediable
    -- 2 (repayable). Likelihood 5: the supplier reports the practice.
    { id = "tech.wages.unlawful_deductions", title = "Disciplinary or cost deductions from wages",
      duties = { "RBA.A4", "CSDDD.ANX.I1.06", "CSDDD.A11" },
      severity = { scale = 3, scope = 4, irremediable = 2 }, likelihood = 5,
      impact = "actual",
      action = "Require an end to disciplinary and cost deductions and repayment of the amounts deducted in the "
          .. "last 12 months, checked through payroll records and worker interviews.",
      when = function(a)
        return a["tech.wages.deductions"] == "disciplinary"
      end },

    -- Severity: scale 4 (abuse, humiliation), scope 3, irremediable 3. Likelihood 3.
    { id = "tech.treatment.unprotected", title = "No safeguards against harsh and inhumane treatment",
      duties = { "RBA.A5", "CSDDD.ANX.I1.02" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask for written disciplinary rules, supervisor training and worker interviews on treatment in the "
          .. "next audit.",
      when = function(a)
        return lacking(a, "tech.treatment.humane")
      end },

    -- Severity: scale 3 (discrimination in hiring and employment), scope 3, irremediable 3.
    -- Likelihood 3: pregnancy testing and dismissal of pregnant workers are documented in electronics.
    { id = "tech.women.unprotected", title = "Women workers' rights not protected",
      duties = { "RBA.A6", "CSDDD.ANX.I1.14", "CSDDD.ANX.I2.CEDAW" },
      severity = { scale = 3, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a ban on pregnancy testing, maternity protection and an equal-pay review, checked through "
          .. "worker interviews within six months.",
      when = function(a)
        return lacking(a, "tech.women.protection")
      end },

    -- Severity: scale 3 (purchasing practices drive excessive hours and low wages at suppliers),
    -- scope 4, irremediable 2. Likelihood 3. CSDDD Art 10 names changes to purchasing practices.
    { id = "tech.purchasing.unassessed", title = "Own purchasing practices not assessed",
      duties = { "CSDDD.A10", "UNGP.GP19" },
      severity = { scale = 3, scope = 4, irremediable = 2 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a review of prices, lead times and order changes with the main suppliers and the changes "
          .. "that follow, within 12 months.",
      when = function(a)
        return lacking(a, "tech.purchasing.practices")
      end },

    -- Severity: scale 3 (drinking water and livelihoods), scope 3, irremediable 3. Likelihood 2.
    { id = "tech.community.water_unmanaged", title = "Water use and wastewater of production sites not managed",
      duties = { "CSDDD.ANX.I1.15", "RBA.C7" },
      severity = { scale = 3, scope = 3, irremediable = 3 }, likelihood = 2,
      impact = "potential",
      action = "Ask for a water-risk assessment of each production site and monitoring shared with neighbouring "
          .. "communities.",
      when = function(a)
        return lacking(a, "tech.community.water")
      end },

    -- Severity: scale 3 (health and dignity; fire in overcrowded dormitories can kill, which the
    -- emergency rule covers), scope 4 (all residents), irremediable 3. Likelihood 3; 2 when standards
    -- are partly met.
    { id = "tech.housing.substandard", title = "Dormitories below standard",
      duties = { "RBA.B7", "CSDDD.ANX.I1.07", "CSDDD.A10" },
      severity = { scale = 3, scope = 4, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask for an inspection of all dormitories, including those run by agents, against a written "
          .. "standard within 60 days and a dated plan to fix overcrowding, fire safety and sanitation.",
      when = function(a)
        if not provides_housing(a) then return nil end
        local c = a["tech.housing.conditions"]
        if c == "partial" then return { likelihood = 2 } end
        if c ~= "yes" and c ~= "na" then return true end
      end },

    -- Severity: scale 3 (exploitation of young people, sometimes forced by schools), scope 3,
    -- irremediable 3. Likelihood 3; 4 when students exceed 10% of the workforce.
    { id = "tech.students.unprotected", title = "Student workers without protections",
      duties = { "RBA.A2", "CSDDD.ANX.I1.08", "CSDDD.ANX.I1.11" },
      severity = { scale = 3, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask for written agreements with each school, removal of under-18 students from night shifts "
          .. "and overtime, equal pay, and a cap on the share of student workers; verify within 90 days.",
      when = function(a)
        local share = util.num(a, "tech.students.share")
        if not share or share == 0 then return nil end
        if a["tech.students.protections"] ~= "yes" then
          if share > 10 then return { likelihood = 4 } end
          return true
        end
      end },

    -- Severity: scale 4 (Priority findings are the gravest audit categories), scope 3, irremediable 3.
    -- Likelihood 4: the audit found them and they remain open.
    { id = "tech.audit.priority_open", title = "Open Priority audit findings",
      duties = { "RBA.E10", "CSDDD.A11", "OECD.RBC.S3" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 4,
      impact = "actual",
      action = "Ask for the corrective action plan for each open Priority finding and a closure audit within "
          .. "the scheme's deadline; escalate to senior management if any is older than 90 days.",
      details = { many = "%g open Priority findings", one = "1 open Priority finding" },
      when = function(a)
        local n = util.num(a, "tech.rba.priority_open")
        if n and n > 0 then
          return { detail = n == 1 and { "one" } or { "many", n } }
        end
      end },

    -- Severity: scale 3, scope 3, irremediable 2: without an independent audit, labour abuses in
    -- electronics (hours, fees, dormitories) are rarely detected. Likelihood 3; 4 when migrants are
    -- more than 20% of the workforce.
    { id = "tech.audit.none", title = "No independent audit of production sites",
      duties = { "RBA.E9", "CSDDD.A15", "OECD.RBC.S4" },
      severity = { scale = 3, scope = 3, irremediable = 2 }, likelihood = 3,
      impact = "potential",
      action = "Schedule an RBA VAP or equivalent independent audit with worker interviews within six months, "
          .. "starting with sites that employ migrant or student workers.",
      when = function(a)
        if not util.is(a, "tech.rba.audit", "none", "saq_only") then return nil end
        local share = util.num(a, "labour.migrant.share")
        if share and share > 20 then return { likelihood = 4 } end
        return { questions = { "tech.rba.audit" } }
      end },

    -- Severity: scale 4 (toxic exposure of informal recyclers, often children, and soil and water
    -- pollution around informal dumps), scope 4, irremediable 4. Likelihood 3: unchecked recyclers in
    -- the electronics trade often resell waste informally; cross-border shipments themselves are
    -- checked by the environment module's Basel rule.
    { id = "tech.ewaste.unchecked", title = "E-waste handed to unchecked recyclers",
      duties = { "RBA.C4", "CSDDD.ANX.II.10", "CSDDD.ANX.I1.15", "CSDDD.A10" },
      severity = { scale = 4, scope = 4, irremediable = 4 }, likelihood = 3,
      impact = "potential",
      action = "Ask the supplier to use only recyclers certified to an environmentally sound standard, to "
          .. "audit where their e-waste ends up, and to keep waste transfer records; check within six months.",
      when = function(a)
        return util.is(a, "tech.ewaste.recyclers", "no", "unknown")
      end },

    -- Severity: scale 3 (harm to health from restricted substances), scope 3, irremediable 4 (some
    -- substances are persistent). Likelihood 3: without declarations restricted substances are common in
    -- purchased parts.
    { id = "tech.substances.undeclared", title = "Restricted substances not controlled",
      duties = { "RBA.C6", "CSDDD.ANX.II.03", "CSDDD.ANX.II.06", "CSDDD.A10" },
      severity = { scale = 3, scope = 3, irremediable = 4 }, likelihood = 3,
      impact = "potential",
      action = "Ask for full material declarations for the products supplied and supplier declarations on "
          .. "restricted substances within six months, with test reports for high-risk parts.",
      when = function(a)
        return util.is(a, "tech.substances.restricted", "no", "unknown")
      end },

    -- Severity: scale 3 (privacy and dignity), scope 4 (all workers), irremediable 2. Likelihood 5: the
    -- supplier reports the practice.
    { id = "tech.privacy.intrusive_monitoring", title = "Intrusive or covert monitoring of workers",
      duties = { "CSDDD.ANX.I1.04", "RBA.D8", "CSDDD.A11" },
      severity = { scale = 3, scope = 4, irremediable = 2 }, likelihood = 5,
      impact = "actual",
      action = "Remove cameras from private areas and end covert monitoring at once; carry out a privacy "
          .. "impact assessment of remaining monitoring and inform workers of what is collected.",
      when = function(a)
        return a["tech.privacy.worker_monitoring"] == "intrusive"
      end },

    -- Severity: scale 4 (users identified to authorities may be detained), scope 4, irremediable 3.
    -- Likelihood 2; 4 when the supplier also sells surveillance technology to high-risk end users.
    { id = "tech.expression.requests_unmanaged", title = "Government requests handled without human rights "
          .. "review",
      duties = { "UNGP.GP23", "CSDDD.ANX.I1.04", "CSDDD.ANX.I2.ICCPR", "UNGP.GP19" },
      severity = { scale = 4, scope = 4, irremediable = 3 }, likelihood = 2,
      impact = "potential",
      action = "Ask for a procedure to review government requests for legality, necessity and "
          .. "proportionality, to challenge overbroad requests, and to publish a transparency report.",
      when = function(a)
        if not util.is(a, "tech.expression.government_requests", "no", "unknown") then return nil end
        if a["tech.surveillance.high_risk_customers"] == "yes" then return { likelihood = 4 } end
        return { questions = { "tech.expression.government_requests" } }
      end },

    -- Severity: scale 5 (factory and dormitory fires kill), scope 4, irremediable 5. Likelihood 2:
    -- fatal fires are rare but the missing controls are the usual cause.
    { id = "tech.ohs.emergency_gap", title = "Fire safety and emergency preparedness missing",
      duties = { "RBA.B2", "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.01", "CSDDD.A10" },
      severity = { scale = 5, scope = 4, irremediable = 5 }, likelihood = 2,
      impact = "potential",
      action = "Require an independent fire-safety inspection of all production sites and dormitories within "
          .. "30 days, immediate unlocking and clearing of exits, and drills on every shift.",
      when = function(a)
        return util.is(a, "tech.ohs.emergency", "no", "unknown")
      end },

    -- Severity: scale 4 (fees and deception lead to debt bondage), scope 3, irremediable 3. Likelihood
    -- 3: most agents are unchecked.
    { id = "tech.recruitment.agents_unchecked", title = "Labour agents not audited",
      duties = { "RBA.A1", "RBA.E12", "CSDDD.ANX.I1.11", "CSDDD.A10" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask the supplier to screen every labour agent in the sending and receiving countries for "
          .. "licences and fee practices within six months and to stop using agents that refuse.",
      when = function(a)
        local share = util.num(a, "labour.migrant.share")
        local audited = util.num(a, "tech.recruitment.agents_audited")
        return share ~= nil and share > 0 and audited ~= nil and audited < 50
      end },
  },

  tests = {
    { name = "recruitment fees among migrant workers are a red flag",
      answers = { ["labour.migrant.share"] = 35, ["labour.recruitment_fees.paid_by_workers"] = "yes" },
      expect = { findings = { "tech.migrant.forced_labour", "labour.forced.indicator" }, red_flag = true } },
    { name = "fees reimbursed among migrant workers",
      answers = { ["labour.migrant.share"] = 35, ["labour.recruitment_fees.paid_by_workers"] = "reimbursed",
                  ["labour.forced.documents_retained"] = "safekeeping" },
      expect = { absent = { "tech.migrant.forced_labour" } } },
    { name = "no migrant workers, no migrant red flag",
      answers = { ["labour.migrant.share"] = 0, ["labour.forced.movement_restricted"] = "yes" },
      expect = { absent = { "tech.migrant.forced_labour" }, findings = { "labour.forced.indicator" } } },
    { name = "spyware sold to abusive agencies without checks: actual severe red flag, E",
      answers = { ["tech.surveillance.capabilities"] = { "intrusion_software" },
                  ["tech.surveillance.high_risk_customers"] = "yes", ["tech.surveillance.end_use_dd"] = "no" },
      expect = { findings = { "tech.surveillance.spyware_to_abusers" }, red_flag = true, rating = "E" } },
    { name = "surveillance sales without end-use checks are a red flag",
      answers = { ["tech.surveillance.high_risk_customers"] = "yes", ["tech.surveillance.end_use_dd"] = "partial" },
      expect = { findings = { "tech.surveillance.unchecked_sales" }, red_flag = true } },
    { name = "surveillance sales with end-use due diligence",
      answers = { ["tech.surveillance.high_risk_customers"] = "yes", ["tech.surveillance.end_use_dd"] = "yes" },
      expect = { absent = { "tech.surveillance.unchecked_sales" } } },
    { name = "CAHRA minerals through non-conformant smelters with serious abuses",
      answers = { ["minerals.cahra"] = "yes", ["minerals.conformant_share"] = 70,
                  ["minerals.annex2_risks"] = { "serious_abuses" }, ["minerals.risk_plan"] = "yes" },
      expect = { findings = { "tech.minerals.cahra_nonconformant" },
                 absent = { "minerals.annex2.serious_unmanaged" }, red_flag = true } },
    { name = "CAHRA minerals through conformant smelters",
      answers = { ["minerals.cahra"] = "yes", ["minerals.conformant_share"] = 100,
                  ["minerals.annex2_risks"] = { "serious_abuses" }, ["minerals.risk_plan"] = "yes" },
      expect = { absent = { "tech.minerals.cahra_nonconformant" } } },
    { name = "dormitories below standard",
      answers = { ["tech.housing.provided"] = "third_party", ["tech.housing.conditions"] = "no" },
      expect = { findings = { "tech.housing.substandard" } } },
    { name = "no dormitories",
      answers = { ["tech.housing.provided"] = "none", ["tech.housing.conditions"] = "na" },
      expect = { absent = { "tech.housing.substandard" } } },
    { name = "student workers without protections",
      answers = { ["tech.students.share"] = 15, ["tech.students.protections"] = "partial" },
      expect = { findings = { "tech.students.unprotected" } } },
    { name = "student workers protected",
      answers = { ["tech.students.share"] = 15, ["tech.students.protections"] = "yes" },
      expect = { absent = { "tech.students.unprotected" } } },
    { name = "open Priority findings",
      answers = { ["tech.rba.priority_open"] = 2 },
      expect = { findings = { "tech.audit.priority_open" } } },
    { name = "no open Priority findings",
      answers = { ["tech.rba.priority_open"] = 0, ["tech.rba.audit"] = "vap_green" },
      expect = { absent = { "tech.audit.priority_open", "tech.audit.none" } } },
    { name = "self-assessment only",
      answers = { ["tech.rba.audit"] = "saq_only", ["labour.migrant.share"] = 40 },
      expect = { findings = { "tech.audit.none" } } },
    { name = "e-waste handed to unchecked recyclers",
      answers = { ["tech.ewaste.recyclers"] = "no" },
      expect = { findings = { "tech.ewaste.unchecked" } } },
    { name = "e-waste handled by licensed recyclers",
      answers = { ["tech.ewaste.recyclers"] = "partial" },
      expect = { absent = { "tech.ewaste.unchecked" } } },
    { name = "restricted substances not controlled",
      answers = { ["tech.substances.restricted"] = "unknown" },
      expect = { findings = { "tech.substances.undeclared" } } },
    { name = "restricted substances declared",
      answers = { ["tech.substances.restricted"] = "partial" },
      expect = { absent = { "tech.substances.undeclared" } } },
    { name = "covert monitoring of workers",
      answers = { ["tech.privacy.worker_monitoring"] = "intrusive" },
      expect = { findings = { "tech.privacy.intrusive_monitoring" } } },
    { name = "proportionate monitoring",
      answers = { ["tech.privacy.worker_monitoring"] = "proportionate" },
      expect = { absent = { "tech.privacy.intrusive_monitoring" } } },
    { name = "government requests executed without review",
      answers = { ["tech.expression.government_requests"] = "no", ["tech.expression.exposure"] = "yes",
                  ["tech.surveillance.capabilities"] = { "none" } },
      expect = { findings = { "tech.expression.requests_unmanaged" } } },
    { name = "no user data held",
      answers = { ["tech.expression.government_requests"] = "na", ["tech.expression.exposure"] = "no" },
      expect = { absent = { "tech.expression.requests_unmanaged" } } },
    { name = "inputs possibly from state-imposed forced labour are a red flag",
      answers = { ["tech.forced_labour.state_imposed"] = "possible" },
      expect = { findings = { "tech.forced_labour.state_imposed" }, red_flag = true } },
    { name = "inputs traced and excluded",
      answers = { ["tech.forced_labour.state_imposed"] = "no_traced" },
      expect = { absent = { "tech.forced_labour.state_imposed" } } },
    { name = "disciplinary deductions",
      answers = { ["tech.production"] = "own", ["tech.wages.deductions"] = "disciplinary" },
      expect = { findings = { "tech.wages.unlawful_deductions" } } },
    { name = "no safeguards against inhumane treatment, women unprotected, purchasing and water unassessed",
      answers = { ["tech.production"] = "own", ["tech.treatment.humane"] = "no", ["tech.women.protection"] = "no",
                  ["tech.purchasing.practices"] = "unknown", ["tech.community.water"] = "no" },
      expect = { findings = { "tech.treatment.unprotected", "tech.women.unprotected",
                              "tech.purchasing.unassessed", "tech.community.water_unmanaged" } } },
    { name = "a software vendor answers na to factory questions",
      answers = { ["tech.production"] = "none", ["tech.rba.audit"] = "na", ["tech.wages.deductions"] = "na",
                  ["tech.treatment.humane"] = "na", ["tech.community.water"] = "na" },
      expect = { absent = { "tech.audit.none", "tech.treatment.unprotected", "tech.community.water_unmanaged" } } },
    { name = "no emergency preparedness",
      answers = { ["tech.ohs.emergency"] = "no" },
      expect = { findings = { "tech.ohs.emergency_gap" } } },
    { name = "emergency preparedness in place",
      answers = { ["tech.ohs.emergency"] = "yes" },
      expect = { absent = { "tech.ohs.emergency_gap" } } },
    { name = "labour agents unchecked",
      answers = { ["labour.migrant.share"] = 30, ["tech.recruitment.agents_audited"] = 20 },
      expect = { findings = { "tech.recruitment.agents_unchecked" } } },
    { name = "labour agents audited",
      answers = { ["labour.migrant.share"] = 30, ["tech.recruitment.agents_audited"] = 90 },
      expect = { absent = { "tech.recruitment.agents_unchecked" } } },
  },
}
