-- luacheck: no max line length
-- Land, communities, indigenous peoples and security forces.
--
-- Covers the land and livelihood item of the CSDDD Annex (Part I, item 16), indigenous peoples'
-- free, prior and informed consent (UNDRIP, reached through Annex Part I Section 2; ILO C169;
-- IFC PS7; IRMA 2.2), resettlement (IFC PS5, IRMA 2.4), community water (Annex Part I item 15),
-- cultural heritage and security forces. The CSDDD has no separate security-forces item: killings
-- and ill-treatment by guards the company failed to instruct or control fall under Annex Part I
-- items 1 and 2, and the Voluntary Principles on Security and Human Rights are the yardstick.
--
-- Red flags: operations on indigenous land with no consent process at all, involuntary
-- displacement with no livelihood restoration, and security incidents where the Voluntary
-- Principles are not implemented. Consultation that fell short of consent for some groups is a
-- critical finding, not a red flag: the supplier engaged, and the gap can be closed.
-- Impact groups: "fpic" (consent), "resettlement", "security_abuse" (incidents, their follow-up
-- and the missing safeguards are one impact).

local util = require "util"
local lacking = util.lacking

-- Share of land with identified and compensated tenure holders: 0-100 % maps to 0-1.
local function percent_score(value)
  return value / 100
end

return module {
  id = "community",
  title = "Land, communities and indigenous peoples",
  version = "1.0.0",
  description = [[
Questions on land and resources, indigenous peoples' free, prior and informed consent (FPIC),
resettlement and livelihoods, community consultation, community water access, cultural heritage
and the conduct of public and private security forces. Red flags: FPIC absent on indigenous land,
and security incidents without the Voluntary Principles in place.]],

  questions = {
    -- Land and indigenous peoples -----------------------------------------------------------
    { id = "community.indigenous_land", kind = "choice", required = true,
      section = "Land and indigenous peoples",
      text = "Do your operations, or projects planned in the next five years, affect lands, territories or resources that indigenous peoples own, occupy or use by custom?",
      help = "Answer yes if any site, concession, access road, pipeline or water source overlaps or borders land used by indigenous peoples, whether or not the State recognises their title. Unknown if you have not checked. This answer is not scored: it decides which other answers matter. Cite the land-use or baseline study.",
      options = {
        { value = "yes", label = "Yes" },
        { value = "no", label = "No, checked" },
      },
      duties = { "CSDDD.ANX.I1.16", "CSDDD.ANX.I2.UNDRIP", "UNGP.GP18" } },

    { id = "community.fpic", kind = "maturity", weight = 3, required = true, evidence = true,
      na_when = { ["community.indigenous_land"] = "no" },
      section = "Land and indigenous peoples",
      text = "Where indigenous peoples are affected, did you obtain their free, prior and informed consent, through representatives and processes they chose, before starting or expanding operations?",
      help = "Yes: a documented consent agreement, reached before the decision, through the people's own institutions, with full information on impacts in their language, and no coercion; consent is revisited for major changes. Partial: consultation took place but consent was not sought or not obtained for all affected groups. No: no FPIC process. Na: no indigenous peoples affected. Cite the agreement or the FPIC process record (may be confidential).",
      duties = { "CSDDD.ANX.I1.16", "CSDDD.ANX.I2.UNDRIP", "ILO.C169", "IFC.PS7", "IRMA.2.2", "UNGP.GP18" } },

    { id = "community.land.tenure_identified", kind = "percent", weight = 2,
      section = "Land and indigenous peoples",
      text = "For what share of the land your operations use have you identified all legitimate tenure holders (including customary and informal users) and settled their rights?",
      help = "Give a percentage of the land area. Count land only where the holders were identified in the field, not just from the official register, and were compensated or agreed to the use. 100 means all land. Cite the land acquisition register or audit.",
      score = percent_score,
      duties = { "CSDDD.ANX.I1.16", "IFC.PS5" } },

    { id = "community.resettlement", kind = "choice", required = true,
      section = "Land and indigenous peoples",
      text = "In the last five years, did any of your operations require people to move or to lose access to land or resources they lived from?",
      help = "Involuntary: people had no real option to refuse, including expropriation by the State on your behalf. Voluntary: a negotiated agreement that people were free to refuse. This answer is not scored: it decides whether livelihood restoration applies. Cite the resettlement action plan if any.",
      options = {
        { value = "none", label = "No displacement" },
        { value = "voluntary", label = "Only negotiated, voluntary moves" },
        { value = "involuntary", label = "Involuntary physical or economic displacement" },
      },
      duties = { "CSDDD.ANX.I1.16", "IFC.PS5", "IRMA.2.4" } },

    { id = "community.livelihood_restoration", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["community.resettlement"] = "none" },
      section = "Land and indigenous peoples",
      text = "Where people were displaced, have their livelihoods and living standards been restored or improved, as checked by monitoring with them?",
      help = "Yes: a resettlement action plan with replacement land or income, housing at least as good as before, and monitoring (ideally independent) showing restoration. Partial: compensation paid but restoration not monitored or not reached. No: no restoration measures. Na: nobody displaced. Cite the completion audit or monitoring report.",
      duties = { "CSDDD.ANX.I1.16", "IFC.PS5", "IRMA.2.4", "CSDDD.A12" } },

    -- Communities ---------------------------------------------------------------------------
    { id = "community.consultation", kind = "maturity", weight = 2, evidence = true,
      section = "Communities",
      text = "Do you consult affected communities regularly and before decisions that affect them, with information in their languages and with women and vulnerable groups included?",
      help = "Yes: a community engagement plan, meetings at least yearly at each site, information shared in advance in local languages, separate sessions for women or vulnerable groups where needed, and records of how input changed decisions. Partial: meetings without advance information or without follow-up. No: no consultation. Cite the plan and meeting records.",
      duties = { "CSDDD.A13", "UNGP.GP18", "IRMA.1.2", "ICMM.P10" } },

    { id = "community.water_access", kind = "maturity", weight = 2, evidence = true,
      section = "Communities",
      text = "Have you assessed and do you protect the access of nearby communities to safe drinking water and sanitation, in quantity and quality, from your water use and discharges?",
      help = "Yes: a water-risk assessment covering community sources, monitoring of those sources shared with the communities, and remedies for any loss (for example replacement supply). Partial: assessment without monitoring, or monitoring not shared. No: not assessed. Cite the assessment and monitoring data.",
      duties = { "CSDDD.ANX.I1.15", "IRMA.4.2", "IRMA.3.3", "ICMM.P6" } },

    { id = "community.heritage", kind = "maturity",
      section = "Communities",
      text = "Have you identified cultural heritage (sacred sites, graves, historic places) with the communities concerned, and do you protect it, with a chance-find procedure?",
      help = "Yes: a heritage survey done with the communities, agreed protection measures, a chance-find procedure, and no damage to critical heritage without the agreement of its custodians. Partial: survey without community involvement, or no chance-find procedure. No: none. Cite the survey and procedure.",
      duties = { "IRMA.3.7", "IFC.PS8", "CSDDD.ANX.I2.UNDRIP" } },

    -- Security forces -----------------------------------------------------------------------
    { id = "community.security.forces", kind = "multi", required = true,
      section = "Security forces",
      text = "Which kinds of security protect your sites, staff or transport routes?",
      help = "Tick all that apply. Public security means police, gendarmerie or military deployed at or near your sites, even if you do not pay them. This answer is not scored: it decides which security questions apply.",
      options = {
        { value = "none", label = "No security personnel" },
        { value = "in_house", label = "Our own guards" },
        { value = "private", label = "Private security contractors" },
        { value = "public", label = "Public security forces (police, military)" },
      },
      duties = { "VPSHR.RA", "OECD.MIN.AII.SEC" } },

    { id = "community.security.vpshr", kind = "maturity", weight = 3, evidence = true,
      na_when = { ["community.security.forces"] = "none" },
      section = "Security forces",
      text = "Do you implement the Voluntary Principles on Security and Human Rights: security and human-rights risk assessment, screening and training of guards, rules on the use of force, agreements with public security, and recording and reporting of incidents?",
      help = "Yes: all these elements, documented and audited, with private contractors certified under the International Code of Conduct for Private Security Service Providers or equivalent. Partial: some elements (for example training but no risk assessment or no agreement with public security). No: none. Na: no security personnel. Cite the security and human-rights risk assessment and the training records.",
      duties = { "VPSHR.RA", "VPSHR.PUB", "VPSHR.PRIV", "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.02", "IRMA.3.5" } },

    { id = "community.security.incidents", kind = "number", min = 0, unit = "incidents", required = true,
      section = "Security forces",
      text = "How many incidents involving use of force, or allegations of abuse, by security personnel at or around your sites were recorded in the reporting period?",
      help = "Count every recorded incident or allegation, whether by your guards, contractors or public forces, including allegations you consider unfounded. Enter 0 if none. Not scored: reporting incidents honestly is expected; the follow-up is what matters. Details may be marked confidential.",
      duties = { "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.02", "VPSHR.PRIV", "VPSHR.PUB" } },

    { id = "community.security.investigated", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["community.security.incidents"] = 0 },
      section = "Security forces",
      text = "Was every such incident investigated, reported to the competent authorities where it may be a crime, and followed by remedy for those harmed and measures against repetition?",
      help = "Yes: every incident investigated (independently for serious ones), reported where required, victims remedied and the guards concerned removed or retrained. Partial: investigated but not reported or not remedied. No: not investigated. Na: no incidents. Cite the incident log (may be confidential).",
      duties = { "VPSHR.PUB", "VPSHR.PRIV", "CSDDD.A11", "UNGP.GP22" } },
  },

  rules = {
    -- Severity: scale 4 (loss of land, culture and self-determination), scope 4 (a whole people
    -- or community), irremediable 5 (land and cultural ties lost are rarely restored).
    -- Likelihood 4: projects on indigenous land without consent regularly lead to dispossession
    -- and conflict. A red flag only where no consent process exists ("no"): consultation that
    -- did not reach consent of every group ("partial") is the next rule.
    { id = "community.fpic.absent", title = "Operations on indigenous land without free, prior and informed consent",
      duties = { "CSDDD.ANX.I1.16", "CSDDD.ANX.I2.UNDRIP", "ILO.C169", "IRMA.2.2", "UNGP.GP18" },
      severity = { scale = 4, scope = 4, irremediable = 5 }, likelihood = 4,
      red_flag = true, group = "fpic",
      impact = "potential",
      action = "Require the supplier to suspend expansion on the affected land until consent is obtained through the people's own institutions, and to commission an independent review of the existing process.",
      reads = { "community.indigenous_land", "community.fpic" },
      when = function(a)
        return a["community.indigenous_land"] == "yes" and lacking(a, "community.fpic")
      end },

    -- Severity: scale 4, scope 3 (the groups whose consent is missing), irremediable 4.
    -- Likelihood 3: a process exists and can be completed. Critical, not a red flag.
    { id = "community.fpic.incomplete", title = "Consent not obtained from every affected indigenous group",
      duties = { "CSDDD.ANX.I1.16", "CSDDD.ANX.I2.UNDRIP", "ILO.C169", "IRMA.2.2" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 3,
      group = "fpic", impact = "potential",
      action = "Ask for the list of groups whose consent is missing, an independent review of the process with them, and no new land take affecting them until consent is obtained.",
      reads = { "community.indigenous_land", "community.fpic" },
      when = function(a)
        return a["community.indigenous_land"] == "yes" and a["community.fpic"] == "partial"
      end },

    -- Severity: as for missing consent (scale 4, scope 3, irremediable 5). Likelihood 2: the
    -- supplier does not know whether indigenous peoples are affected at all.
    { id = "community.indigenous.unknown", title = "Supplier does not know whether indigenous peoples are affected",
      duties = { "CSDDD.A08", "CSDDD.ANX.I2.UNDRIP", "UNGP.GP18" },
      severity = { scale = 4, scope = 3, irremediable = 5 }, likelihood = 2,
      impact = "potential", group = "fpic",
      action = "Ask for a land-use and indigenous-presence screening of every site and planned project within 6 months, done with local organisations.",
      reads = { "community.indigenous_land" },
      when = function(a)
        return a["community.indigenous_land"] == "unknown"
      end },

    -- Severity: scale 4 (livelihoods at stake), scope 3, irremediable 4. Likelihood 3: land used
    -- without identified holders is the usual origin of land conflicts.
    { id = "community.land.tenure_gaps", title = "Tenure holders not identified for most of the land used",
      duties = { "CSDDD.ANX.I1.16", "IFC.PS5" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a field tenure survey, including customary and informal users, for the land not covered, and for a plan to settle the open claims.",
      reads = { "community.land.tenure_identified" },
      details = { settled = "Tenure settled for %d%% of the land." },
      when = function(a)
        local share = util.num(a, "community.land.tenure_identified")
        if share and share < 50 then
          return { detail = { "settled", math.floor(share) } }
        end
      end },

    -- Severity: scale 4 (loss of home or income), scope 4 (households, often whole villages),
    -- irremediable 4. Likelihood 5: the displacement has happened (an actual impact) and
    -- restoration is not confirmed: critical. With no restoration measures at all, a red flag
    -- (next rule).
    { id = "community.resettlement.livelihoods", title = "Involuntary displacement without confirmed livelihood restoration",
      duties = { "CSDDD.ANX.I1.16", "CSDDD.A11", "CSDDD.A12", "IFC.PS5", "IRMA.2.4" },
      severity = { scale = 4, scope = 4, irremediable = 4 }, likelihood = 5,
      impact = "actual", group = "resettlement",
      action = "Ask for an independent livelihood-restoration audit with the displaced households and a corrective plan for every household below its former standard of living.",
      reads = { "community.resettlement", "community.livelihood_restoration" },
      when = function(a)
        return a["community.resettlement"] == "involuntary"
          and a["community.livelihood_restoration"] ~= "yes"
      end },

    -- Severity: as above (4, 4, 4). A red flag: people were moved against their will and nothing
    -- restores what they lived from (IFC PS5, IRMA 2.4).
    { id = "community.resettlement.no_restoration", title = "Involuntary displacement with no livelihood restoration",
      duties = { "CSDDD.ANX.I1.16", "CSDDD.A11", "CSDDD.A12", "IFC.PS5", "IRMA.2.4" },
      severity = { scale = 4, scope = 4, irremediable = 4 }, likelihood = 5,
      red_flag = true, impact = "actual", group = "resettlement",
      action = "Require an independent census of the displaced households and a livelihood restoration plan agreed with them within 90 days, with compensation at replacement cost; suspend further land take until it is in place.",
      reads = { "community.resettlement", "community.livelihood_restoration" },
      when = function(a)
        return a["community.resettlement"] == "involuntary" and lacking(a, "community.livelihood_restoration")
      end },

    -- Severity: scale 3, scope 3, irremediable 3. Likelihood 3: decisions taken without the
    -- communities miss their concerns and fuel conflict.
    { id = "community.consultation.absent", title = "Affected communities are not consulted",
      duties = { "CSDDD.A13", "UNGP.GP18", "IRMA.1.2" },
      severity = { scale = 3, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a community engagement plan per site, with meetings in local languages and records showing how community input was used.",
      reads = { "community.consultation" },
      when = function(a)
        return lacking(a, "community.consultation")
      end },

    -- Severity: scale 4 (drinking water and health), scope 3 (nearby communities),
    -- irremediable 3. Likelihood 3: unmonitored water use and discharge often affect community
    -- sources.
    { id = "community.water.access", title = "Community access to safe water is not assessed or protected",
      duties = { "CSDDD.ANX.I1.15", "IRMA.4.2" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a water-risk assessment of community sources and for monitoring shared with the communities, within 6 months.",
      reads = { "community.water_access" },
      when = function(a)
        return lacking(a, "community.water_access")
      end },

    -- Severity: scale 5 (life and bodily integrity), scope 3, irremediable 5 (death, torture).
    -- Likelihood 4: incidents have occurred and the safeguards that prevent repetition are
    -- missing.
    { id = "community.security.abuse_without_vpshr", title = "Security incidents where the Voluntary Principles are not implemented",
      duties = { "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.02", "VPSHR.PUB", "VPSHR.PRIV", "OECD.MIN.AII.SEC" },
      severity = { scale = 5, scope = 3, irremediable = 5 }, likelihood = 4,
      red_flag = true, group = "security_abuse", risks = { "conflict" },
      impact = "actual",
      action = "Require an independent investigation of every incident, suspension of the guards involved, a security and human-rights risk assessment and Voluntary Principles implementation within 6 months; consider suspending purchases if this is refused.",
      reads = { "community.security.incidents", "community.security.vpshr" },
      details = { incidents = "%g incident(s) recorded." },
      when = function(a)
        local incidents = util.num(a, "community.security.incidents")
        if incidents and incidents > 0 and a["community.security.vpshr"] ~= "yes" then
          return { detail = { "incidents", incidents } }
        end
      end },

    -- Severity: scale 5, scope 2, irremediable 5. Likelihood 3: armed guards without rules on
    -- the use of force, but no incidents reported.
    { id = "community.security.no_vpshr", title = "Security forces deployed without the Voluntary Principles",
      duties = { "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.02", "VPSHR.RA", "VPSHR.PRIV", "VPSHR.PUB" },
      severity = { scale = 5, scope = 2, irremediable = 5 }, likelihood = 3,
      impact = "potential", group = "security_abuse", risks = { "conflict" },
      action = "Ask for a security and human-rights risk assessment, screening and training of guards and a written agreement with any public security forces within 6 months.",
      reads = { "community.security.forces", "community.security.incidents",
         "community.security.vpshr" },
      when = function(a)
        local forces = a["community.security.forces"]
        local armed = util.has(forces, "in_house") or util.has(forces, "private") or util.has(forces, "public")
        local incidents = util.num(a, "community.security.incidents")
        return armed and lacking(a, "community.security.vpshr") and not (incidents and incidents > 0)
      end },

    -- Severity: scale 5, scope 3, irremediable 5. Likelihood 4: harm is alleged and not
    -- followed up, so it is likely to recur.
    { id = "community.security.unaddressed", title = "Security incidents not investigated or remedied",
      duties = { "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.02", "CSDDD.A11", "UNGP.GP22", "VPSHR.PRIV" },
      severity = { scale = 5, scope = 3, irremediable = 5 }, likelihood = 4,
      impact = "actual", group = "security_abuse",
      action = "Ask for the incident log, an investigation of each open case (independent for serious ones), reporting to the authorities where required and remedy for those harmed.",
      reads = { "community.security.incidents", "community.security.investigated" },
      when = function(a)
        local incidents = util.num(a, "community.security.incidents")
        return incidents and incidents > 0 and a["community.security.investigated"] ~= "yes"
      end },
  },

  tests = (function()
    -- A supplier with indigenous neighbours, past voluntary moves and guards, all well handled.
    local good = {
      ["community.indigenous_land"] = "yes", ["community.fpic"] = "yes",
      ["community.land.tenure_identified"] = 100, ["community.resettlement"] = "voluntary",
      ["community.livelihood_restoration"] = "yes", ["community.consultation"] = "yes",
      ["community.water_access"] = "yes", ["community.heritage"] = "yes",
      ["community.security.forces"] = { "private", "public" }, ["community.security.vpshr"] = "yes",
      ["community.security.incidents"] = 1, ["community.security.investigated"] = "yes",
    }
    local function with(changes)
      local t = {}
      for k, v in pairs(good) do t[k] = v end
      for k, v in pairs(changes) do t[k] = v end
      return t
    end
    local ALL = { "community.fpic.absent", "community.indigenous.unknown", "community.land.tenure_gaps",
                  "community.resettlement.livelihoods", "community.consultation.absent",
                  "community.water.access", "community.security.abuse_without_vpshr",
                  "community.security.no_vpshr", "community.security.unaddressed" }
    return {
      { name = "well-handled land and security issues raise no finding",
        answers = good, evidence = true,
        expect = { absent = ALL, rating = "A", red_flag = false } },

      { name = "no FPIC on indigenous land is a red flag",
        answers = with { ["community.fpic"] = "no" },
        expect = { findings = { "community.fpic.absent" }, red_flag = true } },
      { name = "consultation without consent of every group is critical, not a red flag",
        answers = with { ["community.fpic"] = "partial" },
        expect = { findings = { "community.fpic.incomplete" }, absent = { "community.fpic.absent" },
                   red_flag = false } },
      { name = "no indigenous land: FPIC not applicable, no red flag",
        answers = with { ["community.indigenous_land"] = "no", ["community.fpic"] = "na" },
        expect = { absent = { "community.fpic.absent", "community.indigenous.unknown" }, red_flag = false } },

      { name = "not knowing whether indigenous peoples are affected is a finding",
        answers = with { ["community.indigenous_land"] = "unknown", ["community.fpic"] = "unknown" },
        expect = { findings = { "community.indigenous.unknown" }, info = { "community.fpic.absent" } } },
      { name = "involuntary displacement with no restoration is a red flag",
        answers = with { ["community.resettlement"] = "involuntary", ["community.livelihood_restoration"] = "no" },
        expect = { findings = { "community.resettlement.no_restoration" }, red_flag = true } },

      { name = "tenure settled for a third of the land is a gap",
        answers = with { ["community.land.tenure_identified"] = 35 },
        expect = { findings = { "community.land.tenure_gaps" } } },
      { name = "tenure settled for half of the land is not flagged",
        answers = with { ["community.land.tenure_identified"] = 50 },
        expect = { absent = { "community.land.tenure_gaps" } } },

      { name = "involuntary displacement with compensation only",
        answers = with { ["community.resettlement"] = "involuntary", ["community.livelihood_restoration"] = "partial" },
        expect = { findings = { "community.resettlement.livelihoods" } } },
      { name = "involuntary displacement with restored livelihoods",
        answers = with { ["community.resettlement"] = "involuntary" },
        expect = { absent = { "community.resettlement.livelihoods" } } },

      { name = "no community consultation is a finding",
        answers = with { ["community.consultation"] = "no" },
        expect = { findings = { "community.consultation.absent" } } },
      { name = "partial consultation is not a finding",
        answers = with { ["community.consultation"] = "partial" },
        expect = { absent = { "community.consultation.absent" } } },

      { name = "unknown effect on community water is a finding",
        answers = with { ["community.water_access"] = "unknown" },
        expect = { findings = { "community.water.access" } } },
      { name = "assessed community water without shared monitoring is not flagged",
        answers = with { ["community.water_access"] = "partial" },
        expect = { absent = { "community.water.access" } } },

      { name = "security incidents without the Voluntary Principles are a red flag",
        answers = with { ["community.security.vpshr"] = "partial", ["community.security.incidents"] = 4,
                         ["community.security.investigated"] = "partial" },
        expect = { findings = { "community.security.abuse_without_vpshr", "community.security.unaddressed" },
                   absent = { "community.security.no_vpshr" }, red_flag = true } },
      { name = "no incidents and partial Voluntary Principles: no red flag",
        answers = with { ["community.security.vpshr"] = "partial", ["community.security.incidents"] = 0 },
        expect = { absent = { "community.security.abuse_without_vpshr", "community.security.no_vpshr" },
                   red_flag = false } },

      { name = "guards without the Voluntary Principles is a finding",
        answers = with { ["community.security.vpshr"] = "no", ["community.security.incidents"] = 0 },
        expect = { findings = { "community.security.no_vpshr" },
                   absent = { "community.security.abuse_without_vpshr" } } },
      { name = "no security personnel: Voluntary Principles not applicable",
        answers = with { ["community.security.forces"] = { "none" }, ["community.security.vpshr"] = "na",
                         ["community.security.incidents"] = 0, ["community.security.investigated"] = "na" },
        expect = { absent = { "community.security.no_vpshr", "community.security.unaddressed" } } },

      { name = "uninvestigated incidents are a finding even with the Voluntary Principles",
        answers = with { ["community.security.incidents"] = 2, ["community.security.investigated"] = "no" },
        expect = { findings = { "community.security.unaddressed" },
                   absent = { "community.security.abuse_without_vpshr" } } },
    }
  end)(),
}
