-- agriculture.lua: sector pack for agricultural commodities: cocoa, coffee, palm oil, soy, cattle and
-- rubber, from the farm or plantation to the first buyer and processor.
--
-- Method notes for reviewers:
-- * The pack composes the shared modules (core due-diligence process, labour, communities and land,
--   environment, human rights defenders) and adds what is specific to farms and plantations:
--   deforestation after the EUDR cut-off date, legality under the laws of the country of
--   production and plot geolocation (Regulation (EU) 2023/1115 as amended); child labour monitoring
--   and remediation systems; forced labour among seasonal and migrant farm workers; living income
--   of smallholders and wages of hired workers; land rights and free, prior and informed consent;
--   highly hazardous pesticides; and the exclusion of smallholders who cannot meet traceability
--   demands.
-- * Wood is also an EUDR commodity but is NOT covered by this pack: forestry and timber need
--   questions on forest management and degradation that it does not ask.
-- * Dates: under the EUDR as amended in December 2025, operators must comply from 30 December 2026
--   (micro and small enterprises: 30 June 2027); the cut-off date for deforestation stays
--   31 December 2020. The dates are in plugins/eudr.lua with how they were checked.
-- * Frameworks added by plugin files: EUDR (plugins/eudr.lua), OECD-FAO Guidance
--   (plugins/oecd_fao.lua), RSPO Principles and Criteria 2024 (plugins/rspo.lua), ILO C29/P29
--   (plugins/ilo_forced_labour.lua) and the EU Forced Labour Regulation as a market-access risk
--   (plugins/eu_flr.lua). Each of their entries says how far it was checked.
-- * Three red flags are specific to the sector: deforestation after the cut-off date on plots that
--   still supply; children in hazardous farm work; forced labour found among farm or plantation
--   workers. Each is an actual, severe impact.
-- * Tailoring (below) replaces the labour module's generic child-labour questions and rules with
--   farm-specific ones, so that one fact gives one finding, and drops the mercury questions, which
--   concern mining.

local util = require "util"
local lacking = util.lacking
local core = require "core"
local labour = require "labour"
local community = require "community"
local environment = require "environment"
local hrd = require "hrd"
-- Frameworks this pack cites, added to the catalogue by plugin files.
require "eudr"              -- EUDR.*
require "oecd_fao"          -- OECD-FAO.*
require "rspo"              -- RSPO.*
require "ilo_forced_labour" -- ILO-FL.*
require "eu_flr"            -- EU-FLR.*

-- When a commodity's questions do not apply.
local function without(commodity)
  return { ["agriculture.commodities"] = { none_of = { commodity } } }
end

-- Whether the supplier grows or buys a commodity.
local function trades(a, commodity)
  return util.has(a["agriculture.commodities"], commodity)
end

return sector {
  id = "agriculture",
  title = "Agricultural commodities (cocoa, coffee, palm oil, soy, cattle, rubber)",
  version = "1.0.0",
  authors = { "diligo contributors" },
  license = "CC-BY-4.0",
  description = [[
For producers, cooperatives, traders and first processors of cocoa, coffee, palm oil, soy, cattle and
natural rubber. Adds to the shared modules the EU Deforestation Regulation (deforestation after
31 December 2020, legality in the country of production, geolocation of every plot), child labour
monitoring and remediation, forced labour of farm and plantation workers, living income and wages,
land rights and FPIC, highly hazardous pesticides and smallholder inclusion. Wood, also an EUDR
commodity, is not covered.]],

  modules = { core, labour, community, environment, hrd },

  tailoring = {
    { question = "labour.child.hazardous_under18", drop = true,
      reason = "Replaced by agriculture.child.hazardous_tasks, which asks about the hazardous tasks of farm "
          .. "work (machetes, heavy loads, spraying, burning) found by monitoring visits to farming "
          .. "households, where child labour in these commodities occurs." },
    { rule = "labour.child.hazardous", drop = true,
      reason = "Replaced by agriculture.child.hazardous_work, which reads the farm-level question; keeping "
          .. "both would give two critical findings for one fact." },
    { rule = "labour.child.unremediated", drop = true,
      reason = "Replaced by agriculture.child.unremediated, which follows remediation of each child the "
          .. "monitoring system identified on supplying farms." },
    { question = "labour.wage.living_wage_gap", weight = 3,
      reason = "Wages of hired plantation and harvest workers are among the most salient issues of the "
          .. "sector (OECD-FAO Guidance, labour rights); they weigh as much as the living income of "
          .. "farmers (agriculture.income.gap_assessed)." },
    { rule = "environment.pops.unmanaged", likelihood = 3,
      reason = "Obsolete stocks of pesticides that are persistent organic pollutants remain in farm and "
          .. "cooperative stores in producing countries, so the risk is higher than at an average site." },
    { question = "environment.mercury", drop = true,
      reason = "Mercury is used in artisanal gold mining, not in growing or processing these commodities; "
          .. "hazardous agrochemicals are asked in agriculture.pesticides.*." },
    { rule = "environment.mercury.uncontrolled", drop = true,
      reason = "Reads only environment.mercury, which this pack drops." },
  },

  questions = {
    -- Profile ---------------------------------------------------------------------------------
    { id = "agriculture.commodities", kind = "multi", required = true,
      section = "Profile",
      text = "Which commodities do you grow, buy or process?",
      help = "Informational: tick every commodity covered by this questionnaire. Commodity-specific "
          .. "questions (oil palm, cattle) apply only when the commodity is ticked. Wood is not covered.",
      options = {
        { value = "cocoa", label = "Cocoa" },
        { value = "coffee", label = "Coffee" },
        { value = "oil_palm", label = "Oil palm (fresh fruit bunches, palm oil, palm kernel)" },
        { value = "soy", label = "Soy" },
        { value = "cattle", label = "Cattle (beef, leather)" },
        { value = "rubber", label = "Natural rubber" },
      },
      duties = { "CSDDD.A08", "OECD-FAO.S2", "EUDR.A09" } },

    { id = "agriculture.role", kind = "choice", required = true,
      section = "Profile",
      text = "What is your role in the supply chain?",
      help = "Informational. 'producer': you run your own farms, estates or plantations. 'first_buyer': "
          .. "a cooperative, trader or exporter buying from farms. 'processor': you process the commodity "
          .. "(a mill, a grinder, a slaughterhouse) and buy from first buyers.",
      options = {
        { value = "producer", label = "Producer with own farms or plantations" },
        { value = "first_buyer", label = "Cooperative, trader or exporter buying from farms" },
        { value = "processor", label = "Processor buying from first buyers" },
      },
      duties = { "CSDDD.A08", "OECD-FAO.S2" } },

    { id = "agriculture.smallholders.share", kind = "percent", required = true,
      section = "Profile",
      text = "What share of your volume comes from smallholder farmers?",
      help = "Informational: by weight, over the reporting period. Smallholders are family farms, "
          .. "typically of a few hectares, that rely mainly on family labour. 0 if none.",
      duties = { "OECD-FAO.S2", "RSPO.SMALLHOLDERS" } },

    -- Deforestation and the EUDR --------------------------------------------------------------
    { id = "agriculture.deforestation.cutoff", kind = "choice", weight = 3, required = true, evidence = true,
      section = "Deforestation and the EUDR",
      text = "How do you know that the land your volume comes from was not deforested after "
          .. "31 December 2020?",
      help = "The EUDR cut-off date is 31 December 2020 (Regulation (EU) 2023/1115, Art 2(13)). "
          .. "'verified_all': every supplying plot checked against satellite data or maps of forest cover "
          .. "at the cut-off date (cite the analysis). 'verified_part': some plots checked, the rest "
          .. "covered by declarations. 'declared': suppliers' declarations only. 'not_checked': no "
          .. "check. 'found': deforestation after the cut-off was found on at least one supplying plot.",
      options = {
        { value = "verified_all", label = "Every plot checked against forest-cover data", score = 1 },
        { value = "verified_part", label = "Some plots checked, the rest declared", score = 0.5 },
        { value = "declared", label = "Suppliers' declarations only", score = 0.2 },
        { value = "not_checked", label = "Not checked", score = 0 },
        { value = "found", label = "Deforestation after the cut-off found on supplying plots", score = 0 },
      },
      duties = { "EUDR.A03", "EUDR.A02.13", "EUDR.A10", "CSDDD.ANX.I1.15", "OECD-FAO.ENV" } },

    { id = "agriculture.deforestation.excluded", kind = "choice", weight = 2,
      na_when = { ["agriculture.deforestation.cutoff"] = { none_of = { "found" } } },
      section = "Deforestation and the EUDR",
      text = "Where deforestation after the cut-off was found, what did you do with the volume from "
          .. "those plots?",
      help = "'excluded_restoring': no volume from those plots is bought or sold, and restoration of "
          .. "the cleared land has been agreed with the farmer or company. 'excluded': the plots are "
          .. "excluded from your supply. 'still_sourcing': volume from those plots is still bought or "
          .. "sold. na: no deforestation found.",
      options = {
        { value = "excluded_restoring", label = "Excluded, and restoration agreed", score = 1 },
        { value = "excluded", label = "Excluded from supply", score = 0.75 },
        { value = "still_sourcing", label = "Still bought or sold", score = 0 },
      },
      duties = { "EUDR.A03", "EUDR.A11", "CSDDD.A11" } },

    { id = "agriculture.geolocation.share", kind = "percent", weight = 3, required = true, evidence = true,
      section = "Deforestation and the EUDR",
      text = "What share of your volume can you trace to the geolocation of every plot of land where it "
          .. "was produced?",
      help = "The EUDR asks for the geolocation of all plots of land (coordinates, or polygons for larger "
          .. "plots), for every product (Art 9). Count only volume whose plots are all geolocated and "
          .. "linked to the deliveries. Scored as the share: 80% scores 0.8. Cite the plot database.",
      score = function(v) return v / 100 end,
      duties = { "EUDR.A09", "EUDR.A03", "OECD-FAO.S1" } },

    { id = "agriculture.legality.check", kind = "maturity", weight = 3, required = true, evidence = true,
      section = "Deforestation and the EUDR",
      text = "Have you checked that your volume was produced in accordance with the laws of the country "
          .. "of production: land use rights, environmental and forest rules, labour and human rights, "
          .. "free, prior and informed consent, tax, anti-corruption and trade rules?",
      help = "These are the areas of law the EUDR names (Art 2(40)). Yes: a documented check per "
          .. "production area (land titles or use rights, permits, labour inspections, FPIC records) with "
          .. "sources cited. Partial: some areas of law or some suppliers. No: no check.",
      duties = { "EUDR.A02.40", "EUDR.A03", "OECD-FAO.TENURE", "CSDDD.A08" } },

    { id = "agriculture.segregation", kind = "choice", weight = 2, required = true,
      section = "Deforestation and the EUDR",
      text = "Is volume of known, compliant origin kept apart from volume of unknown origin?",
      help = "Under the EUDR, mixing compliant volume with volume of unknown origin makes the whole "
          .. "shipment non-compliant (Commission guidance). 'segregated': kept apart from farm to "
          .. "shipment (segregation or identity preservation). 'mass_balance': mixed, with bookkeeping "
          .. "only. 'none': no separation.",
      options = {
        { value = "segregated", label = "Segregated or identity preserved", score = 1 },
        { value = "mass_balance", label = "Mixed, mass-balance bookkeeping", score = 0.25 },
        { value = "none", label = "No separation", score = 0 },
      },
      duties = { "EUDR.A10", "EUDR.A09" } },

    { id = "agriculture.ecosystems.conversion", kind = "maturity", weight = 2, evidence = true,
      section = "Deforestation and the EUDR",
      text = "Do you commit to, and check, no conversion of other natural ecosystems (savannahs, "
          .. "grasslands, wetlands) for your volume?",
      help = "The EUDR covers forests only; conversion of savannahs such as the Cerrado for soy and "
          .. "cattle is outside it but harms ecosystems and the people who depend on them. Yes: a "
          .. "no-conversion commitment with a cut-off date, checked with land-cover data. Partial: "
          .. "commitment without checks. No: none.",
      duties = { "CSDDD.ANX.I1.15", "CSDDD.ANX.II.01", "OECD-FAO.ENV" } },

    { id = "agriculture.cattle.indirect", kind = "maturity", weight = 2, evidence = true,
      na_when = without("cattle"),
      section = "Deforestation and the EUDR",
      text = "Do you trace and check the indirect suppliers of your cattle (the breeding and rearing "
          .. "farms the animals passed through)?",
      help = "Deforestation in cattle supply chains is concentrated at indirect suppliers. Yes: "
          .. "animal-movement records for every animal back to the farm of birth, with each farm "
          .. "checked. Partial: direct suppliers only, or some indirect ones. No: none. na: no cattle.",
      duties = { "EUDR.A09", "EUDR.A10", "OECD-FAO.S2" } },

    { id = "agriculture.palm.certified_share", kind = "percent", weight = 2,
      na_when = without("oil_palm"),
      section = "Deforestation and the EUDR",
      text = "What share of your palm volume is certified under the RSPO Principles and Criteria with a "
          .. "segregated or identity-preserved supply chain?",
      help = "Mass balance and credits do not count here. Scored as the share. State in the comment "
          .. "whether the certificates are under the 2018 or the 2024 P&C. na: no oil palm.",
      score = function(v) return v / 100 end,
      duties = { "RSPO.TRACE", "RSPO.NODEF" } },

    { id = "agriculture.palm.peat", kind = "choice", weight = 2,
      na_when = without("oil_palm"),
      section = "Deforestation and the EUDR",
      text = "Are any of your own or supplying oil palm plantations on peat?",
      help = "'no_peat': none, checked against peat maps. 'existing_managed': existing plantings on "
          .. "peat, with water-level management and no new planting. 'new_planting': new planting on "
          .. "peat in the last five years. na: no oil palm.",
      options = {
        { value = "no_peat", label = "None, checked", score = 1 },
        { value = "existing_managed", label = "Existing plantings on peat, managed", score = 0.5 },
        { value = "new_planting", label = "New planting on peat", score = 0 },
      },
      duties = { "RSPO.PEAT", "CSDDD.ANX.I1.15" } },

    -- Child labour ----------------------------------------------------------------------------
    { id = "agriculture.child.clmrs_coverage", kind = "percent", weight = 3, required = true, evidence = true,
      section = "Child labour",
      text = "What share of the farming households you buy from is covered by a child labour monitoring "
          .. "and remediation system?",
      help = "A child labour monitoring and remediation system (CLMRS) raises awareness, identifies "
          .. "children at risk or in child labour through household visits by trained community "
          .. "facilitators, and supports and follows up each child identified. Count households "
          .. "visited at least once in the season. Scored as the share; cite the system's report.",
      score = function(v) return v / 100 end,
      duties = { "CSDDD.ANX.I1.09", "CSDDD.ANX.I1.10", "OECD-FAO.LAB", "UNGP.GP17" } },

    { id = "agriculture.child.identified", kind = "number", min = 0, unit = "children", required = true,
      section = "Child labour",
      text = "How many children in child labour did your monitoring identify in the last season?",
      help = "Informational: children below the minimum age for the work they did, or under 18 in "
          .. "hazardous work. Identifying children is what a working system does: the count is not "
          .. "scored; what happens next is. 0 if none were identified.",
      duties = { "CSDDD.ANX.I1.09", "CSDDD.ANX.I1.10" } },

    { id = "agriculture.child.remediated_share", kind = "percent", weight = 2, evidence = true,
      na_when = { ["agriculture.child.identified"] = 0 },
      section = "Child labour",
      text = "What share of the children identified received remediation support and were followed up "
          .. "until they were out of child labour?",
      help = "Support means what the child and household need: school enrolment or bridging classes, "
          .. "school kits, birth certificates, income support for the household, removal from "
          .. "hazardous tasks. Scored as the share. na: no child identified.",
      score = function(v) return v / 100 end,
      duties = { "CSDDD.ANX.I1.10", "CSDDD.A12", "UNGP.GP22" } },

    { id = "agriculture.child.hazardous_tasks", kind = "choice", weight = 3, required = true,
      section = "Child labour",
      text = "Did monitoring find children under 18 doing hazardous farm tasks on supplying farms?",
      help = "Hazardous tasks include using machetes or sharp tools, carrying heavy loads, spraying or "
          .. "handling pesticides, land clearing and burning, and long hours. 'none_found': monitoring "
          .. "visits found none. 'found_removed': found, and every child found was removed from the "
          .. "tasks and supported (a working system finds children: reporting them is not penalised, "
          .. "leaving them in the tasks is). 'found': found, and not every child has been removed. "
          .. "'not_monitored': no monitoring of these tasks.",
      options = {
        { value = "none_found", label = "None found by monitoring visits", score = 1 },
        { value = "found_removed", label = "Found; every child removed and supported", score = 0.75 },
        { value = "found", label = "Found; not every child removed", score = 0 },
        { value = "not_monitored", label = "Not monitored", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.10", "CSDDD.ANX.I1.08", "OECD-FAO.LAB" } },

    { id = "agriculture.child.education", kind = "maturity", weight = 1, evidence = true,
      section = "Child labour",
      text = "Do you support children's access to school in the communities you source from?",
      help = "Yes: a programme with the communities and authorities (birth registration, school kits, "
          .. "bridging classes, school buildings or teachers) with results reported. Partial: occasional "
          .. "support. No: none.",
      duties = { "CSDDD.ANX.I1.08", "OECD-FAO.LAB" } },

    -- Forced labour ---------------------------------------------------------------------------
    { id = "agriculture.forced.farm_workers", kind = "choice", weight = 3, required = true,
      section = "Forced labour",
      text = "Are there signs of forced labour among workers on supplying farms and plantations: wages "
          .. "held back until the end of the season, debts from advances, documents kept, workers "
          .. "unable to leave, or trafficked workers?",
      help = "The ILO definition: work exacted under the menace of a penalty and not offered "
          .. "voluntarily (C29 Art 2(1)). 'none_found': confidential interviews with workers, including "
          .. "seasonal and migrant workers, found none (cite the check). 'not_checked': no check. "
          .. "'possible': indications that have not been resolved. 'found': confirmed cases. From "
          .. "14 December 2027 products made with forced labour may not be placed on the EU market "
          .. "(Regulation (EU) 2024/3015).",
      options = {
        { value = "none_found", label = "None found in worker interviews", score = 1 },
        { value = "not_checked", label = "Not checked", score = 0 },
        { value = "possible", label = "Indications not resolved", score = 0 },
        { value = "found", label = "Confirmed cases", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.11", "CSDDD.ANX.I1.12", "ILO-FL.C29.A2", "OECD-FAO.LAB" } },

    { id = "agriculture.forced.seasonal_recruitment", kind = "maturity", weight = 2, evidence = true,
      section = "Forced labour",
      text = "Are seasonal and migrant workers recruited without fees, with a written contract in a "
          .. "language they understand, paid at least monthly, and free to leave?",
      help = "Yes: a recruitment policy with these points, applied to labour contractors and checked "
          .. "through worker interviews. Partial: some points or some contractors. No: none.",
      duties = { "ILO-FL.P29.A2D", "CSDDD.ANX.I1.11", "RSPO.WORKERS" } },

    -- Living income and wages -----------------------------------------------------------------
    { id = "agriculture.income.gap_assessed", kind = "maturity", weight = 3, required = true, evidence = true,
      section = "Living income and wages",
      text = "Have you assessed the gap between the income of the farmers you buy from and a living "
          .. "income benchmark, and adopted a plan to close it?",
      help = "A living income covers a decent standard of living for the household (food, water, "
          .. "housing, education, health care, other essentials and savings for emergencies). The CSDDD "
          .. "Annex names an adequate living income for smallholders. Yes: the gap measured against a "
          .. "credible benchmark for the region, and a time-bound plan. Partial: measured, no plan. No: "
          .. "not assessed.",
      duties = { "CSDDD.ANX.I1.06", "OECD-FAO.LAB", "UNGP.GP17" } },

    { id = "agriculture.income.price", kind = "choice", weight = 2, required = true,
      section = "Living income and wages",
      text = "What do you pay farmers?",
      help = "'living_income_reference': at or above a living income reference price. 'premium': the "
          .. "market or farm-gate price plus a premium paid to farmers (certification, sustainability "
          .. "or quality premium), shown on receipts. 'market_only': the market or farm-gate price only.",
      options = {
        { value = "living_income_reference", label = "At or above a living income reference price", score = 1 },
        { value = "premium", label = "Market price plus a premium paid to farmers", score = 0.5 },
        { value = "market_only", label = "Market or farm-gate price only", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.06", "CSDDD.A10", "OECD-FAO.S3" } },

    { id = "agriculture.income.fair_payment", kind = "maturity", weight = 1, evidence = true,
      section = "Living income and wages",
      text = "Are farmers paid in full and on time, weighed on checked scales, and given receipts?",
      help = "Yes: payment within the agreed time, calibrated scales checked at least yearly, receipts "
          .. "showing weight, price and premiums. Partial: some of these. No: none.",
      duties = { "CSDDD.ANX.I1.06", "OECD-FAO.LAB" } },

    { id = "agriculture.wages.farm_workers", kind = "maturity", weight = 2, evidence = true,
      section = "Living income and wages",
      text = "Are hired farm and plantation workers, including piece-rate and harvest workers, paid at "
          .. "least the legal minimum wage for normal hours?",
      help = "Yes: payroll records show every worker at or above the minimum wage for normal hours, "
          .. "piece rates set so that an average worker reaches it, and no deductions as penalties. "
          .. "Partial: permanent workers only. No: not checked, or below.",
      duties = { "CSDDD.ANX.I1.06", "RSPO.WORKERS", "OECD-FAO.LAB" } },

    -- Land and FPIC ---------------------------------------------------------------------------
    { id = "agriculture.land.disputes", kind = "choice", weight = 3, required = true,
      section = "Land and free, prior and informed consent",
      text = "Are there land disputes with communities or farmers over land that you or your suppliers "
          .. "use?",
      help = "Include disputes over customary and informal rights, not only registered titles. "
          .. "'none': none known after checks. 'resolved': all disputes resolved by agreement. "
          .. "'in_process': open, in an agreed dispute-resolution process. 'unaddressed': open and not "
          .. "in any process.",
      options = {
        { value = "none", label = "None known", score = 1 },
        { value = "resolved", label = "All resolved by agreement", score = 0.75 },
        { value = "in_process", label = "Open, in an agreed process", score = 0.25 },
        { value = "unaddressed", label = "Open, not addressed", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.16", "EUDR.A02.40", "OECD-FAO.TENURE", "RSPO.LEGAL" } },

    { id = "agriculture.land.expansion", kind = "choice", required = true,
      section = "Land and free, prior and informed consent",
      text = "Did you or your direct suppliers plant or clear new land in the period, or do you plan to?",
      help = "Informational: decides whether the consent question applies.",
      options = {
        { value = "none", label = "No new land" },
        { value = "planned", label = "Planned" },
        { value = "in_period", label = "New land planted or cleared in the period" },
      },
      duties = { "OECD-FAO.TENURE", "CSDDD.ANX.I1.16" } },

    { id = "agriculture.land.fpic", kind = "maturity", weight = 3, evidence = true,
      na_when = { ["agriculture.land.expansion"] = "none" },
      section = "Land and free, prior and informed consent",
      text = "Was, or will be, the free, prior and informed consent of customary and legal rights "
          .. "holders obtained before new land is planted or cleared?",
      help = "Yes: participatory mapping of rights, consent given by the communities' own "
          .. "representatives before any clearing, with agreements documented. Partial: consultation "
          .. "without consent, or only some rights holders. No: none. na: no new land.",
      duties = { "CSDDD.ANX.I1.16", "OECD-FAO.IP", "RSPO.FPIC", "EUDR.A02.40" } },

    -- Pesticides and water --------------------------------------------------------------------
    { id = "agriculture.pesticides.hhp", kind = "choice", weight = 3, required = true,
      section = "Pesticides and water",
      text = "Are highly hazardous pesticides used on your own or supplying farms?",
      help = "Highly hazardous pesticides include those of WHO hazard classes Ia and Ib, those listed "
          .. "under the Stockholm and Rotterdam Conventions, and others such as paraquat. 'none': none, "
          .. "checked against the list of products used. 'phasing_out': still used, with a dated plan "
          .. "to stop. 'used': used without a plan to stop.",
      options = {
        { value = "none", label = "None used", score = 1 },
        { value = "phasing_out", label = "Used, with a dated phase-out plan", score = 0.5 },
        { value = "used", label = "Used", score = 0 },
      },
      duties = { "CSDDD.ANX.II.06", "CSDDD.ANX.II.08", "CSDDD.ANX.I1.15", "OECD-FAO.HS", "RSPO.PESTICIDES" } },

    { id = "agriculture.pesticides.safe_use", kind = "maturity", weight = 2, evidence = true,
      section = "Pesticides and water",
      text = "Are pesticides applied safely: trained applicators, protective equipment provided free, "
          .. "no spraying by under-18s or by pregnant or breastfeeding women, re-entry intervals "
          .. "respected, and safe storage?",
      help = "Yes: all of these, checked on farms. Partial: some of them, or on own farms only. No: none.",
      duties = { "OECD-FAO.HS", "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.10" } },

    { id = "agriculture.water.protection", kind = "maturity", weight = 1, evidence = true,
      section = "Pesticides and water",
      text = "Do you protect water: buffer strips along watercourses, and treatment of effluent from "
          .. "mills and processing (palm oil mill effluent, coffee wet-mill water)?",
      help = "Yes: buffer zones on farms and effluent treated to permit limits, with monitoring. "
          .. "Partial: some of these. No: none.",
      duties = { "CSDDD.ANX.I1.15", "OECD-FAO.ENV" } },

    -- Smallholders ----------------------------------------------------------------------------
    { id = "agriculture.smallholders.support", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["agriculture.smallholders.share"] = 0 },
      section = "Smallholders",
      text = "Do you support smallholders to meet traceability and deforestation-free requirements, "
          .. "bearing the cost of plot mapping and training?",
      help = "Yes: plot mapping, training and records paid for by you or your buyers, and support such "
          .. "as pre-finance or inputs, so that smallholders can keep selling. Partial: some support, "
          .. "costs passed on to farmers. No: none. na: no smallholders.",
      duties = { "EUDR.A11", "OECD-FAO.S3", "RSPO.SMALLHOLDERS" } },

    { id = "agriculture.smallholders.dropped", kind = "choice", weight = 2, required = true,
      section = "Smallholders",
      text = "In the period, did you stop buying from smallholders because they could not meet "
          .. "traceability or deforestation-free requirements?",
      help = "Dropping suppliers shifts the burden to the weakest and does not remove the risk (UNGP 19, "
          .. "CSDDD Art 10 on disengagement). 'no': none dropped for this reason. "
          .. "'after_support': some dropped after support and a reasonable time failed. 'yes': dropped "
          .. "without support.",
      options = {
        { value = "no", label = "None dropped for this reason", score = 1 },
        { value = "after_support", label = "Some, after support failed", score = 0.5 },
        { value = "yes", label = "Yes, without support", score = 0 },
      },
      duties = { "CSDDD.A10", "UNGP.GP19", "OECD-FAO.S3" } },

    -- Farmers' voice --------------------------------------------------------------------------
    { id = "agriculture.grievance.farmers", kind = "maturity", weight = 2, evidence = true,
      section = "Farmers' and workers' voice",
      text = "Can farmers, farm workers and their communities raise complaints with you in their own "
          .. "language, and do they know how?",
      help = "Yes: a channel reachable without literacy or internet (hotline, community focal points), "
          .. "in local languages, announced in the communities, with cases logged and answered. "
          .. "Partial: exists but little known or only in writing. No: none.",
      duties = { "CSDDD.A14", "UNGP.GP29", "UNGP.GP31.b", "OECD-FAO.S1" } },
  },

  rules = {
    -- Severity: scale 4 (loss of forest and the livelihoods, water and climate it sustains), scope 4
    -- (whole landscapes), irremediable 5 (a cleared forest does not come back in a human lifetime).
    -- Likelihood 5: the supplier reports deforestation after the cut-off on plots that still supply.
    -- A red flag: such volume may not be placed on the EU market (EUDR Art 3) and keeps rewarding
    -- the clearing.
    { id = "agriculture.deforestation.after_cutoff",
      title = "Volume from land deforested after 31 December 2020 still bought or sold",
      duties = { "EUDR.A03", "EUDR.A02.13", "CSDDD.ANX.I1.15", "CSDDD.A11" },
      severity = { scale = 4, scope = 4, irremediable = 5 }, likelihood = 5,
      red_flag = true, impact = "actual", group = "deforestation",
      action = "Stop buying from the plots concerned at once, exclude their volume from every shipment, "
          .. "agree restoration of the cleared land with the producer, and report the plots and the "
          .. "measures within 30 days.",
      reads = { "agriculture.deforestation.cutoff", "agriculture.deforestation.excluded" },
      when = function(a)
        return a["agriculture.deforestation.cutoff"] == "found"
            and a["agriculture.deforestation.excluded"] == "still_sourcing"
      end },

    -- Severity: scale 3, scope 3, irremediable 5 (the forest is gone). Likelihood 4. The supplier
    -- found the deforestation and excluded the plots: the harm happened, the link is ended; what is
    -- left is restoration. Leads the deforestation group only when no red flag fires.
    { id = "agriculture.deforestation.excluded_plots",
      title = "Deforestation after the cut-off found on former supplying plots",
      duties = { "EUDR.A03", "CSDDD.ANX.I1.15", "CSDDD.A12" },
      severity = { scale = 3, scope = 3, irremediable = 5 }, likelihood = 4,
      impact = "actual", group = "deforestation",
      action = "Keep the plots excluded, agree restoration of the cleared land where the producer can "
          .. "be engaged, and check neighbouring plots of the same suppliers.",
      reads = { "agriculture.deforestation.cutoff", "agriculture.deforestation.excluded" },
      when = function(a)
        return a["agriculture.deforestation.cutoff"] == "found"
            and util.is(a, "agriculture.deforestation.excluded", "excluded", "excluded_restoring")
      end },

    -- Severity: scale 4, scope 4, irremediable 5, as above. Likelihood 3 with declarations only; 4
    -- without any check. Potential: no deforestation is known, but none is excluded either.
    { id = "agriculture.deforestation.unverified",
      title = "No verification that land was not deforested after the cut-off",
      duties = { "EUDR.A10", "EUDR.A02.13", "CSDDD.ANX.I1.15", "CSDDD.A10" },
      severity = { scale = 4, scope = 4, irremediable = 5 }, likelihood = 3,
      impact = "potential", group = "deforestation",
      action = "Check every supplying plot against forest-cover data at 31 December 2020 (satellite "
          .. "imagery or published forest maps), starting with plots in high-risk areas, within six "
          .. "months; until then, do not place unchecked volume on the EU market.",
      reads = { "agriculture.deforestation.cutoff" },
      when = function(a)
        local v = a["agriculture.deforestation.cutoff"]
        if v == "not_checked" or v == "unknown" then return { likelihood = 4 } end
        if v == "declared" then return true end
      end },

    -- Severity: scale 3 (without geolocation, deforestation and land conflicts cannot be excluded,
    -- and the volume cannot enter the EU market), scope 3, irremediable 3. Likelihood 4 when less
    -- than half the volume is geolocated, 3 otherwise.
    { id = "agriculture.traceability.incomplete", title = "Volume not traced to the plots of land",
      duties = { "EUDR.A09", "EUDR.A03", "OECD-FAO.S1" },
      severity = { scale = 3, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Map the plots of the volume not yet geolocated and link them to deliveries, with the cost "
          .. "of mapping smallholders borne by the buyer; set a date by which all volume is traced.",
      reads = { "agriculture.geolocation.share" },
      details = { geolocated = "%g%% of the volume is geolocated" },
      when = function(a)
        local share = util.num(a, "agriculture.geolocation.share")
        if share and share < 50 then
          return { likelihood = 4, detail = { "geolocated", share } }
        end
        if share and share < 100 then
          return { detail = { "geolocated", share } }
        end
      end },

    -- Severity: scale 4 (illegal production can mean land taken from communities, forest cleared in
    -- protected areas, labour abuses), scope 3, irremediable 4. Likelihood 3.
    { id = "agriculture.legality.unchecked",
      title = "Legality under the laws of the country of production not checked",
      duties = { "EUDR.A02.40", "EUDR.A03", "CSDDD.A08" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 3,
      impact = "potential",
      action = "Check, for each production area, land use rights, environmental and forest permits, "
          .. "labour and human rights, FPIC, tax and anti-corruption rules, with documents and sources, "
          .. "within six months.",
      reads = { "agriculture.legality.check" },
      when = function(a)
        return lacking(a, "agriculture.legality.check")
      end },

    -- Severity: scale 3, scope 3, irremediable 3. Likelihood 3: volume of unknown origin mixed in
    -- hides deforestation and makes whole shipments non-compliant for the EU market.
    { id = "agriculture.segregation.mixed", title = "Compliant volume mixed with volume of unknown origin",
      duties = { "EUDR.A10", "EUDR.A09", "EUDR.A03" },
      severity = { scale = 3, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Keep traced, compliant volume apart from volume of unknown origin from farm to shipment "
          .. "(segregation or identity preservation) for all EU-bound volume.",
      reads = { "agriculture.segregation" },
      when = function(a)
        return util.is(a, "agriculture.segregation", "mass_balance", "none")
      end },

    -- Severity: scale 4, scope 4, irremediable 5, as for deforestation. Likelihood 3. For soy and
    -- cattle, whose expansion converts savannahs that the EUDR does not protect.
    { id = "agriculture.ecosystems.unprotected",
      title = "No protection of savannahs, grasslands and wetlands from conversion",
      duties = { "CSDDD.ANX.I1.15", "CSDDD.ANX.II.01", "OECD-FAO.ENV" },
      severity = { scale = 4, scope = 4, irremediable = 5 }, likelihood = 3,
      impact = "potential", group = "conversion",
      action = "Adopt a no-conversion commitment for all natural ecosystems with a cut-off date, and check "
          .. "it with land-cover data for soy and cattle supply within 12 months.",
      reads = { "agriculture.commodities", "agriculture.ecosystems.conversion" },
      when = function(a)
        if not (trades(a, "soy") or trades(a, "cattle")) then return nil end
        return lacking(a, "agriculture.ecosystems.conversion")
      end },

    -- Severity: scale 4, scope 4, irremediable 5. Likelihood 3: indirect cattle suppliers are where
    -- most deforestation in cattle supply chains is found.
    { id = "agriculture.cattle.indirect_unmonitored", title = "Indirect cattle suppliers not monitored",
      duties = { "EUDR.A09", "EUDR.A10", "CSDDD.ANX.I1.15" },
      severity = { scale = 4, scope = 4, irremediable = 5 }, likelihood = 3,
      impact = "potential", group = "deforestation",
      action = "Trace every animal to its farm of birth with animal-movement records and check each "
          .. "breeding and rearing farm for deforestation after the cut-off date.",
      reads = { "agriculture.cattle.indirect" },
      when = function(a)
        return lacking(a, "agriculture.cattle.indirect")
      end },

    -- Severity: scale 4 (peat fires and haze harm health across regions), scope 4, irremediable 5
    -- (drained peat does not recover). Likelihood 5: the supplier reports new planting on peat.
    { id = "agriculture.palm.peat_planting", title = "New oil palm planting on peat",
      duties = { "RSPO.PEAT", "CSDDD.ANX.I1.15", "CSDDD.A11" },
      severity = { scale = 4, scope = 4, irremediable = 5 }, likelihood = 5,
      impact = "actual", group = "peat",
      action = "Stop new planting on peat, restore water levels on the areas planted, and commit to no "
          .. "planting on peat of any depth.",
      reads = { "agriculture.palm.peat" },
      when = function(a)
        return a["agriculture.palm.peat"] == "new_planting"
      end },

    -- Severity: scale 5 (hazardous work harms children's health and development for life), scope 3,
    -- irremediable 5, as the labour module rates workers under 18 in hazardous work. Likelihood 5:
    -- monitoring found them and not all were removed. A red flag: an actual, severe, unremediated
    -- impact on children (CSDDD Annex I item 10).
    { id = "agriculture.child.hazardous_work", title = "Children in hazardous farm work, not all removed",
      duties = { "CSDDD.ANX.I1.10", "CSDDD.ANX.I1.08", "CSDDD.A11", "OECD-FAO.LAB" },
      severity = { scale = 5, scope = 3, irremediable = 5 }, likelihood = 5,
      red_flag = true, impact = "actual", group = "child_labour", risks = { "child_labour" },
      action = "Remove every child from hazardous tasks at once without harm to the household's income, "
          .. "give each the remediation the monitoring system provides, and verify with repeat visits "
          .. "within 60 days; report numbers and outcomes.",
      reads = { "agriculture.child.hazardous_tasks" },
      when = function(a)
        return a["agriculture.child.hazardous_tasks"] == "found"
      end },

    -- Severity: scale 5, scope 3, irremediable 5, as above: the harm happened. Likelihood 2: every
    -- child found was removed and supported, so what remains is the risk that it recurs. A medium
    -- finding, so that a supplier who finds and remediates is not rated like one who hides.
    { id = "agriculture.child.hazardous_remediated", title = "Children found in hazardous farm work, removed",
      duties = { "CSDDD.ANX.I1.10", "CSDDD.A12" },
      severity = { scale = 5, scope = 3, irremediable = 5 }, likelihood = 2,
      impact = "actual", group = "child_labour",
      action = "Keep following up every child found until the household no longer needs the child's "
          .. "work, and report recurrence each season.",
      reads = { "agriculture.child.hazardous_tasks" },
      when = function(a)
        return a["agriculture.child.hazardous_tasks"] == "found_removed"
      end },

    -- Severity: scale 4, scope 3, irremediable 4. Likelihood 5: children were identified and some
    -- have no remediation yet.
    { id = "agriculture.child.unremediated", title = "Children identified in child labour without remediation",
      duties = { "CSDDD.ANX.I1.10", "CSDDD.A12", "UNGP.GP22" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 5,
      impact = "actual", group = "child_labour",
      action = "Give every identified child remediation support (schooling, household support, removal "
          .. "from hazardous tasks) and follow each up until out of child labour; report the share "
          .. "remediated each season.",
      reads = { "agriculture.child.identified", "agriculture.child.remediated_share" },
      details = { remediated = "%g children identified; %g%% received remediation" },
      when = function(a)
        local n = util.num(a, "agriculture.child.identified")
        local done = util.num(a, "agriculture.child.remediated_share")
        if n and n > 0 and done and done < 100 then
          return { detail = { "remediated", n, done } }
        end
      end },

    -- Severity: scale 4, scope 4 (child labour in these commodities concerns many households),
    -- irremediable 4. Likelihood 3 when less than half the households are monitored; 4 when also
    -- hazardous tasks are not monitored.
    { id = "agriculture.child.monitoring_gaps",
      title = "Most supplying households not covered by child labour monitoring",
      duties = { "CSDDD.ANX.I1.09", "CSDDD.ANX.I1.10", "CSDDD.A10", "UNGP.GP17" },
      severity = { scale = 4, scope = 4, irremediable = 4 }, likelihood = 3,
      impact = "potential", group = "child_labour", risks = { "child_labour" },
      action = "Extend a child labour monitoring and remediation system to all supplying households in "
          .. "high-risk areas, with trained community facilitators, within two seasons.",
      reads = { "agriculture.child.clmrs_coverage", "agriculture.child.hazardous_tasks" },
      details = { covered = "%g%% of supplying households covered" },
      when = function(a)
        local cover = util.num(a, "agriculture.child.clmrs_coverage")
        if not cover or cover >= 50 then return nil end
        local detail = { "covered", cover }
        if a["agriculture.child.hazardous_tasks"] == "not_monitored" then
          return { likelihood = 4, detail = detail }
        end
        return { detail = detail }
      end },

    -- Severity: scale 5 (forced labour), scope 4 (seasonal workers are recruited in groups),
    -- irremediable 4 (debts, lost wages and years). Likelihood 5: confirmed cases. A red flag: an
    -- actual, severe impact; such products may not be placed on the EU market from 14 December 2027
    -- (Regulation (EU) 2024/3015), a market-access risk on top of the harm.
    { id = "agriculture.forced.found", title = "Forced labour among farm or plantation workers",
      duties = { "CSDDD.ANX.I1.11", "ILO-FL.C29.A2", "EU-FLR.A03", "CSDDD.A11" },
      severity = { scale = 5, scope = 4, irremediable = 4 }, likelihood = 5,
      red_flag = true, impact = "actual", group = "forced_labour", risks = { "forced_labour" },
      action = "End the practices at once (pay withheld wages, cancel debts, return documents, let "
          .. "workers leave), provide remedy to the workers through an independent organisation, and "
          .. "suspend purchases from the farms concerned until verified on site.",
      reads = { "agriculture.forced.farm_workers" },
      when = function(a)
        return a["agriculture.forced.farm_workers"] == "found"
      end },

    -- Severity: scale 5, scope 4, irremediable 4, as above. Likelihood 4 when indications are
    -- unresolved, 3 when nobody checked. Potential: not confirmed.
    { id = "agriculture.forced.unresolved", title = "Forced labour among farm workers not ruled out",
      duties = { "CSDDD.ANX.I1.11", "ILO-FL.C29.A2", "ILO-FL.P29.A2E", "CSDDD.A10" },
      severity = { scale = 5, scope = 4, irremediable = 4 }, likelihood = 3,
      impact = "potential", group = "forced_labour", risks = { "forced_labour" },
      action = "Interview workers confidentially, including seasonal and migrant workers and those of "
          .. "labour contractors, through an organisation they trust, within three months.",
      reads = { "agriculture.forced.farm_workers" },
      when = function(a)
        local v = a["agriculture.forced.farm_workers"]
        if v == "possible" then return { likelihood = 4 } end
        if v == "not_checked" then return true end
      end },

    -- Severity: scale 4, scope 3, irremediable 3: fees, contracts workers cannot read and pay held
    -- to the end of the season are how seasonal workers become bonded. Likelihood 3.
    { id = "agriculture.forced.recruitment_unmanaged", title = "Seasonal and migrant recruitment not managed",
      duties = { "ILO-FL.P29.A2D", "CSDDD.ANX.I1.11", "CSDDD.A10" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential", group = "forced_labour",
      action = "Adopt a recruitment policy (no fees, contracts in the worker's language, monthly pay, "
          .. "freedom to leave) for own hiring and labour contractors, checked through worker "
          .. "interviews.",
      reads = { "agriculture.forced.seasonal_recruitment" },
      when = function(a)
        return lacking(a, "agriculture.forced.seasonal_recruitment")
      end },

    -- Severity: scale 3 (poverty, and the child labour it drives), scope 4 (most farmers), irremediable
    -- 2. Likelihood 3. The CSDDD Annex names an adequate living income for smallholders.
    { id = "agriculture.income.gap_unassessed", title = "Farmers' living income gap not assessed",
      duties = { "CSDDD.ANX.I1.06", "OECD-FAO.LAB", "CSDDD.A08" },
      severity = { scale = 3, scope = 4, irremediable = 2 }, likelihood = 3,
      impact = "potential", group = "living_income",
      action = "Measure the living income gap of supplying farmers against a credible regional benchmark "
          .. "and adopt a time-bound plan (prices, premiums, productivity, diversification) within 12 "
          .. "months.",
      reads = { "agriculture.income.gap_assessed" },
      when = function(a)
        return lacking(a, "agriculture.income.gap_assessed")
      end },

    -- Severity: scale 3, scope 4, irremediable 2. Likelihood 4: at market prices alone most
    -- smallholders of these commodities stay below a living income.
    { id = "agriculture.income.market_price_only", title = "Farmers paid the market price only",
      duties = { "CSDDD.ANX.I1.06", "CSDDD.A10" },
      severity = { scale = 3, scope = 4, irremediable = 2 }, likelihood = 4,
      impact = "potential", group = "living_income",
      action = "Pay a premium to farmers or a living income reference price for the volume bought, shown "
          .. "on receipts, and share the cost with buyers.",
      reads = { "agriculture.income.price" },
      when = function(a)
        return a["agriculture.income.price"] == "market_only"
      end },

    -- Severity: scale 4 (loss of land and livelihood), scope 3, irremediable 4. Likelihood 5 for an
    -- open dispute nobody addresses; 4 when it is in an agreed process: mediation mitigates, but the
    -- community is without its land until the dispute is resolved (CSDDD Art 11: an actual impact
    -- not yet brought to an end). A high finding either way.
    { id = "agriculture.land.disputes_open", title = "Open land disputes with communities or farmers",
      duties = { "CSDDD.ANX.I1.16", "EUDR.A02.40", "OECD-FAO.TENURE", "CSDDD.A11" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 5,
      impact = "actual", group = "land",
      action = "Enter an agreed dispute-resolution process with the communities concerned, with "
          .. "independent mediation, and suspend clearing or expansion on the land in dispute.",
      reads = { "agriculture.land.disputes" },
      when = function(a)
        local v = a["agriculture.land.disputes"]
        if v == "unaddressed" then return true end
        if v == "in_process" then return { likelihood = 4 } end
      end },

    -- Severity: scale 5 (loss of land and of the means of subsistence), scope 4 (whole communities),
    -- irremediable 5. Likelihood 4. Actual when land was taken in the period, potential when planned.
    -- Grouped with the community module's FPIC rules: one loss of land, one finding.
    { id = "agriculture.land.expansion_without_fpic", title = "New land planted or cleared without consent",
      duties = { "CSDDD.ANX.I1.16", "OECD-FAO.IP", "RSPO.FPIC", "CSDDD.A10" },
      severity = { scale = 5, scope = 4, irremediable = 5 }, likelihood = 4,
      impact = "potential", group = "fpic",
      action = "Stop clearing and planting until the free, prior and informed consent of the rights "
          .. "holders is obtained through their own representatives, after participatory mapping of "
          .. "rights.",
      reads = { "agriculture.land.expansion", "agriculture.land.fpic" },
      when = function(a)
        local expansion = a["agriculture.land.expansion"]
        if expansion ~= "planned" and expansion ~= "in_period" then return nil end
        if a["agriculture.land.fpic"] == "yes" then return nil end
        if expansion == "in_period" then return { likelihood = 5 } end
        return true
      end },

    -- Severity: scale 4 (poisoning of workers and children, contamination of water), scope 3,
    -- irremediable 4. Likelihood 4 when used without a plan; 3 when being phased out.
    { id = "agriculture.pesticides.hazardous", title = "Highly hazardous pesticides used",
      duties = { "CSDDD.ANX.II.06", "CSDDD.ANX.I1.15", "OECD-FAO.HS", "RSPO.PESTICIDES" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 4,
      impact = "actual", group = "pesticides",
      action = "Stop the use of highly hazardous pesticides, starting with those listed under the "
          .. "Stockholm and Rotterdam Conventions and WHO classes Ia and Ib, with integrated pest "
          .. "management and safer alternatives, within one season.",
      reads = { "agriculture.pesticides.hhp" },
      when = function(a)
        local v = a["agriculture.pesticides.hhp"]
        if v == "used" then return true end
        if v == "phasing_out" then return { likelihood = 3 } end
      end },

    -- Severity: scale 4, scope 3, irremediable 3. Likelihood 3.
    { id = "agriculture.pesticides.unsafe_use", title = "Pesticides not applied safely",
      duties = { "OECD-FAO.HS", "CSDDD.ANX.I1.06", "CSDDD.A10" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential", group = "pesticides",
      action = "Train applicators, provide protective equipment free of charge, bar under-18s and "
          .. "pregnant or breastfeeding women from spraying, and secure storage, checked on farms.",
      reads = { "agriculture.pesticides.safe_use" },
      when = function(a)
        return lacking(a, "agriculture.pesticides.safe_use")
      end },

    -- Severity: scale 3 (loss of market access and income), scope 4 (the smallholders dropped),
    -- irremediable 3. Likelihood 5 when dropped without support; 3 after support failed. Actual:
    -- the supplier reports it.
    { id = "agriculture.smallholders.dropped", title = "Smallholders dropped instead of supported",
      duties = { "CSDDD.A10", "UNGP.GP19", "OECD-FAO.S3" },
      severity = { scale = 3, scope = 4, irremediable = 3 }, likelihood = 5,
      impact = "actual",
      action = "Re-engage the smallholders dropped, bear the cost of mapping and training, and "
          .. "disengage only as a last resort after support over a reasonable time.",
      reads = { "agriculture.smallholders.dropped" },
      when = function(a)
        local v = a["agriculture.smallholders.dropped"]
        if v == "yes" then return true end
        if v == "after_support" then return { likelihood = 3 } end
      end },
  },

  tests = {
    { name = "deforested plots still supplying are a red flag",
      answers = { ["agriculture.deforestation.cutoff"] = "found",
                  ["agriculture.deforestation.excluded"] = "still_sourcing" },
      expect = { findings = { "agriculture.deforestation.after_cutoff" }, red_flag = true } },
    { name = "deforested plots excluded: a finding, no red flag",
      answers = { ["agriculture.deforestation.cutoff"] = "found",
                  ["agriculture.deforestation.excluded"] = "excluded_restoring" },
      expect = { findings = { "agriculture.deforestation.excluded_plots" },
                 absent = { "agriculture.deforestation.after_cutoff" } } },
    { name = "every plot verified: no deforestation finding",
      answers = { ["agriculture.deforestation.cutoff"] = "verified_all" },
      expect = { absent = { "agriculture.deforestation.unverified", "agriculture.deforestation.after_cutoff" } } },
    { name = "declarations only",
      answers = { ["agriculture.deforestation.cutoff"] = "declared" },
      expect = { findings = { "agriculture.deforestation.unverified" } } },
    { name = "a third of the volume geolocated",
      answers = { ["agriculture.geolocation.share"] = 30 },
      expect = { findings = { "agriculture.traceability.incomplete" } } },
    { name = "all volume geolocated",
      answers = { ["agriculture.geolocation.share"] = 100 },
      expect = { absent = { "agriculture.traceability.incomplete" } } },
    { name = "legality not checked",
      answers = { ["agriculture.legality.check"] = "no" },
      expect = { findings = { "agriculture.legality.unchecked" } } },
    { name = "mass balance mixes unknown origin",
      answers = { ["agriculture.segregation"] = "mass_balance" },
      expect = { findings = { "agriculture.segregation.mixed" } } },
    { name = "soy without protection of savannahs",
      answers = { ["agriculture.commodities"] = { "soy" }, ["agriculture.ecosystems.conversion"] = "no" },
      expect = { findings = { "agriculture.ecosystems.unprotected" } } },
    { name = "cocoa: conversion of savannahs not asked",
      answers = { ["agriculture.commodities"] = { "cocoa" }, ["agriculture.ecosystems.conversion"] = "no" },
      expect = { absent = { "agriculture.ecosystems.unprotected" } } },
    { name = "indirect cattle suppliers unmonitored",
      answers = { ["agriculture.commodities"] = { "cattle" }, ["agriculture.cattle.indirect"] = "no" },
      expect = { findings = { "agriculture.cattle.indirect_unmonitored" } } },
    { name = "new planting on peat",
      answers = { ["agriculture.commodities"] = { "oil_palm" }, ["agriculture.palm.peat"] = "new_planting" },
      expect = { findings = { "agriculture.palm.peat_planting" } } },
    { name = "children in hazardous farm work are a red flag",
      answers = { ["agriculture.child.hazardous_tasks"] = "found" },
      expect = { findings = { "agriculture.child.hazardous_work" }, red_flag = true } },
    { name = "children found in hazardous work and removed: a medium finding, no red flag",
      answers = { ["agriculture.child.hazardous_tasks"] = "found_removed" },
      expect = { findings = { "agriculture.child.hazardous_remediated" },
                 absent = { "agriculture.child.hazardous_work" }, red_flag = false } },
    { name = "children identified and all remediated",
      answers = { ["agriculture.child.identified"] = 12, ["agriculture.child.remediated_share"] = 100,
                  ["agriculture.child.hazardous_tasks"] = "none_found",
                  ["agriculture.child.clmrs_coverage"] = 90 },
      expect = { absent = { "agriculture.child.unremediated", "agriculture.child.hazardous_work",
                            "agriculture.child.monitoring_gaps" } } },
    { name = "children identified, some without remediation",
      answers = { ["agriculture.child.identified"] = 12, ["agriculture.child.remediated_share"] = 75 },
      expect = { findings = { "agriculture.child.unremediated" } } },
    { name = "low monitoring coverage",
      answers = { ["agriculture.child.clmrs_coverage"] = 20,
                  ["agriculture.child.hazardous_tasks"] = "not_monitored" },
      expect = { findings = { "agriculture.child.monitoring_gaps" } } },
    { name = "forced labour found is a red flag",
      answers = { ["agriculture.forced.farm_workers"] = "found" },
      expect = { findings = { "agriculture.forced.found" }, red_flag = true } },
    { name = "forced labour indications unresolved",
      answers = { ["agriculture.forced.farm_workers"] = "possible",
                  ["agriculture.forced.seasonal_recruitment"] = "yes" },
      expect = { findings = { "agriculture.forced.unresolved" },
                 absent = { "agriculture.forced.found", "agriculture.forced.recruitment_unmanaged" } } },
    { name = "recruitment not managed",
      answers = { ["agriculture.forced.seasonal_recruitment"] = "no" },
      expect = { findings = { "agriculture.forced.recruitment_unmanaged" } } },
    { name = "living income not assessed, market price only",
      answers = { ["agriculture.income.gap_assessed"] = "no", ["agriculture.income.price"] = "market_only" },
      expect = { findings = { "agriculture.income.gap_unassessed", "agriculture.income.market_price_only" } } },
    { name = "land dispute not addressed",
      answers = { ["agriculture.land.disputes"] = "unaddressed" },
      expect = { findings = { "agriculture.land.disputes_open" } } },
    { name = "expansion without consent",
      answers = { ["agriculture.land.expansion"] = "in_period", ["agriculture.land.fpic"] = "partial" },
      expect = { findings = { "agriculture.land.expansion_without_fpic" } } },
    { name = "no new land: consent does not apply",
      answers = { ["agriculture.land.expansion"] = "none", ["agriculture.land.fpic"] = "na" },
      expect = { absent = { "agriculture.land.expansion_without_fpic" } } },
    { name = "highly hazardous pesticides used, unsafely",
      answers = { ["agriculture.pesticides.hhp"] = "used", ["agriculture.pesticides.safe_use"] = "no" },
      expect = { findings = { "agriculture.pesticides.hazardous", "agriculture.pesticides.unsafe_use" } } },
    { name = "smallholders dropped without support",
      answers = { ["agriculture.smallholders.dropped"] = "yes" },
      expect = { findings = { "agriculture.smallholders.dropped" } } },
    { name = "the module's hazardous-work question is dropped: the pack's own rule stands alone",
      answers = { ["agriculture.child.hazardous_tasks"] = "found", ["labour.child.found"] = "yes_supply_chain",
                  ["labour.child.remediation"] = "partial" },
      expect = { findings = { "agriculture.child.hazardous_work" } } },
  },
}
