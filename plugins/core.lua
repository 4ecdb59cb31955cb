-- luacheck: no max line length
-- Core due-diligence process, shared by every sector pack.
--
-- The questions follow the process steps that CSDDD Articles 7 to 16, UNGP 15 to 24 and 29 to 31 and
-- the six steps of the OECD Due Diligence Guidance have in common: policy, identification,
-- prioritisation, prevention, ending actual impacts, remediation, stakeholder engagement, grievance
-- mechanism, monitoring and communication. The grievance mechanism is tested against each of the
-- eight UNGP 31 effectiveness criteria, one question each.
--
-- How the rules read answers: a rule fires on an explicit "no" or "unknown" (the supplier says the
-- element is missing or cannot tell). An unanswered question is already a gap in the score, so it
-- does not raise a finding on its own, except where a rule says otherwise.

local util = require "util"
local lacking = util.lacking

-- CSDDD Art 7 asks for a policy review at least every 24 months. A review in the reporting year
-- or the year before scores 1; two years before scores 0.5; older scores 0. Without a reporting
-- period the age cannot be judged, so the question is not applicable.
local function review_score(value, ctx)
  local year = tonumber(string.sub(value, 1, 4))
  local period = ctx and ctx.period
  if not year or not period then
    return nil
  end
  local age = period - year
  if age <= 1 then
    return 1
  elseif age == 2 then
    return 0.5
  end
  return 0
end

-- The eight UNGP 31 criteria do not apply where there is no mechanism to judge. Publishing
-- complaint statistics (the transparency criterion) is not expected of a small supplier (UNGP 14).
local NO_MECHANISM = { ["core.grievance.mechanism"] = "no" }
local NO_MECHANISM_OR_SMALL = { ["core.grievance.mechanism"] = "no", small = true }

local GRIEVANCE_CRITERIA = {
  "core.grievance.legitimate", "core.grievance.accessible", "core.grievance.predictable",
  "core.grievance.equitable", "core.grievance.transparent", "core.grievance.rights_compatible",
  "core.grievance.learning", "core.grievance.dialogue",
}

return module {
  id = "core",
  title = "Core due-diligence process",
  version = "1.0.0",
  description = [[
Cross-sector questions on the supplier's own due-diligence process, measured against CSDDD
Articles 7-16, UNGP 15-24 and 29-31 and the OECD six-step framework. Every sector pack includes it.
The grievance mechanism is assessed against each of the eight UNGP 31 effectiveness criteria.
Findings here are process gaps: they raise the likelihood that impacts go unnoticed or unaddressed,
so they are rated as potential impacts (CSDDD Art 10), except open actual impacts (Art 11).]],

  questions = {
    -- Policy commitment ---------------------------------------------------------------------
    { id = "core.policy.commitment", kind = "maturity", weight = 3, required = true, evidence = true,
      section = "Policy commitment",
      text = "Have you adopted a public policy commitment to respect human rights and the environment, covering your own operations and your business partners?",
      help = "Yes: a written policy, published on your website, that names the rights and environmental issues it covers and applies to your own operations and your business partners. Partial: a policy exists but is internal only, or covers only your own staff. No: no such policy. Cite the policy document and its web address.",
      duties = { "CSDDD.A07", "UNGP.GP15", "UNGP.GP16", "OECD.RBC.S1" } },

    { id = "core.policy.senior_approval", kind = "maturity", weight = 2, evidence = true,
      section = "Policy commitment",
      text = "Was the policy approved by your board or most senior management, and is a named senior person responsible for due diligence?",
      help = "Yes: board or CEO approval is documented (minutes or a signed policy) and a named executive is accountable for implementation. Partial: one of the two. No: neither. Cite the approval record or the signed policy.",
      duties = { "UNGP.GP16", "CSDDD.A07", "OECD.RBC.S1" } },

    { id = "core.policy.partner_code", kind = "maturity", weight = 2, evidence = true,
      section = "Policy commitment",
      text = "Do you have a code of conduct for business partners that sets your human-rights and environmental expectations, and do you check that it is followed?",
      help = "Yes: a supplier or business-partner code, shared with all direct partners, with a process to verify compliance (self-assessment, audits or site visits). Partial: the code exists but compliance is not checked, or it reaches only some partners. No: no code. Cite the code and the verification procedure.",
      duties = { "CSDDD.A07", "CSDDD.A10", "UNGP.GP16", "OECD.RBC.S1" } },

    { id = "core.policy.last_review", kind = "date",
      section = "Policy commitment",
      text = "When did you last review and, where needed, update your due-diligence policy?",
      help = "Give the date (YYYY-MM-DD) of the most recent review, even if nothing changed. A review in the reporting year or the year before scores in full; older reviews score less, because the policy should be reviewed at least every 24 months. Cite the review record.",
      score = review_score,
      duties = { "CSDDD.A07" } },

    -- Identification, assessment and prioritisation -----------------------------------------
    { id = "core.risk.mapping", kind = "maturity", weight = 3, required = true, evidence = true,
      section = "Risk identification",
      text = "Have you mapped your own operations, subsidiaries and business partners to identify where adverse human-rights and environmental impacts are most likely and most severe, and assessed those areas in depth?",
      help = "Yes: a documented risk mapping (by country, commodity, activity and partner), updated in the last 12 months, followed by in-depth assessment of the high-risk areas using sources such as site visits, independent reports, grievances and input from affected people. Partial: a mapping without in-depth follow-up, or one older than 24 months. No: none. Cite the risk map or assessment report.",
      duties = { "CSDDD.A08", "UNGP.GP17", "UNGP.GP18", "OECD.RBC.S2" } },

    { id = "core.risk.depth", kind = "choice", weight = 2, required = true,
      section = "Risk identification",
      text = "How far along your chain of activities does your risk identification reach?",
      help = "Choose the furthest level for which you hold documented results. Indirect business partners are those you have no contract with but whose activities are linked to your products or services, for example mines, smelters or farms upstream. A risk-based approach that goes deep where risks are highest scores in full.",
      options = {
        { value = "none", label = "No risk identification yet", score = 0 },
        { value = "own_operations", label = "Own operations and subsidiaries only", score = 0.25 },
        { value = "direct_partners", label = "Own operations and direct business partners", score = 0.5 },
        { value = "high_risk_indirect", label = "Also indirect partners in high-risk areas or commodities", score = 1 },
        { value = "full_chain", label = "The whole upstream chain to the origin of raw materials", score = 1 },
      },
      duties = { "CSDDD.A08", "OECD.RBC.S2", "UNGP.GP17" } },

    { id = "core.risk.prioritisation", kind = "maturity", weight = 2, evidence = true,
      section = "Risk identification",
      text = "Do you rank the impacts you identify by severity (scale, scope, irremediable character) and likelihood, and address the most severe and likely first?",
      help = "Yes: a written method that scores each impact on severity and likelihood, and an action list ordered by that ranking. Partial: impacts are ranked informally or on likelihood only. No: no ranking. Cite the method and the ranked list (it may be kept confidential).",
      duties = { "CSDDD.A09", "UNGP.GP24", "UNGP.GP14", "OECD.RBC.S2" } },

    -- Prevention ---------------------------------------------------------------------------
    { id = "core.prevention.action_plan", kind = "maturity", weight = 3, required = true, evidence = true,
      section = "Prevention",
      text = "For the potential impacts you identified, do you have prevention action plans with timelines and indicators, including changes to your own purchasing practices where they add to the risk?",
      help = "Yes: written plans per priority risk with owners, deadlines and qualitative and quantitative indicators, which also consider your own prices, lead times and order changes. Partial: plans exist for some risks, or have no timelines or indicators. No: no plans. Cite the plans or a summary.",
      duties = { "CSDDD.A10", "UNGP.GP19", "OECD.RBC.S3" } },

    { id = "core.prevention.contract_cascade", kind = "maturity", weight = 2, evidence = true,
      section = "Prevention",
      text = "Do your contracts with direct business partners require them to respect your code and to seek the same commitments from their own partners, and do you verify compliance?",
      help = "Yes: contract clauses in force with most direct partners, a clause asking partners to pass the requirements on to their suppliers, and a verification method (audits, industry schemes or independent checks). Partial: clauses without cascading or without verification. No: no such clauses. Cite a model clause.",
      duties = { "CSDDD.A10", "CSDDD.A07", "OECD.RBC.S1" } },

    -- Ending actual impacts and remediation ------------------------------------------------
    { id = "core.corrective.process", kind = "maturity", weight = 3, required = true, evidence = true,
      section = "Ending impacts and remediation",
      text = "When an actual adverse impact is found, do you have a procedure to stop it, or minimise it while it cannot be stopped, with a corrective action plan?",
      help = "Yes: a written procedure with responsibilities and deadlines, used in practice (give an example), including suspension of a business relationship as a last resort. Partial: actual impacts are handled case by case without a procedure. No: no procedure. Cite the procedure or a closed corrective action plan.",
      duties = { "CSDDD.A11", "UNGP.GP19", "OECD.RBC.S3" } },

    { id = "core.corrective.open_impacts", kind = "number", min = 0, unit = "impacts", required = true,
      section = "Ending impacts and remediation",
      text = "How many actual adverse impacts that you identified in the reporting period are not yet brought to an end or remediated?",
      help = "Count each distinct impact once (for example one case of unpaid wages at a supplier, one spill affecting a village). Enter 0 if there are none. This figure is not scored; it tells the reviewer how urgent the corrective process is. Details may be marked confidential.",
      duties = { "CSDDD.A11", "CSDDD.A12", "UNGP.GP22" } },

    { id = "core.remediation.process", kind = "maturity", weight = 3, required = true, evidence = true,
      section = "Ending impacts and remediation",
      text = "Where you caused or contributed to an adverse impact, do you provide for or cooperate in remediation of the people affected?",
      help = "Yes: a remediation procedure (restitution, compensation, rehabilitation, apology, guarantees of non-repetition) agreed with the people affected, and cooperation with judicial or non-judicial processes. Partial: remediation is offered case by case or only financially without consulting those affected. No: no remediation. Cite the procedure or an anonymised case.",
      duties = { "CSDDD.A12", "UNGP.GP22", "OECD.RBC.S6" } },

    -- Stakeholder engagement ----------------------------------------------------------------
    { id = "core.stakeholders.engagement", kind = "maturity", weight = 2, evidence = true,
      section = "Stakeholder engagement",
      text = "Do you consult affected stakeholders (workers and their representatives, communities, their legitimate representatives) when you identify impacts, design action plans, decide on remediation and on suspending a relationship?",
      help = "Yes: documented consultations at these stages, with information given in advance in a form people understand, barriers to taking part removed, and protection from retaliation. Partial: consultation at some stages only, or with company-selected participants only. No: no consultation. Cite meeting records or an engagement plan.",
      duties = { "CSDDD.A13", "UNGP.GP18", "UNGP.GP20", "OECD.RBC.S2" } },

    -- Grievance mechanism -------------------------------------------------------------------
    { id = "core.grievance.mechanism", kind = "maturity", weight = 3, required = true, evidence = true,
      section = "Grievance mechanism",
      text = "Do you operate, or take part in, a grievance mechanism open to workers, affected communities, trade unions and civil-society organisations, including those in your chain of activities?",
      help = "Yes: a complaints procedure that outsiders can use (not only employees), with a channel for reporting concerns, confidentiality and protection against retaliation; an industry or collaborative mechanism counts. Partial: open only to employees, or only in some countries. No: none. Cite the procedure and how it is advertised.",
      duties = { "CSDDD.A14", "UNGP.GP29", "UNGP.GP30", "OECD.RBC.S6" } },

    { id = "core.grievance.legitimate", kind = "maturity", na_when = NO_MECHANISM,
      section = "Grievance mechanism",
      text = "Legitimate: do the intended users trust the mechanism, and is someone independent of the operations concerned accountable for handling complaints fairly?",
      help = "Yes: complaints are handled by a person or body independent of the managers concerned, and user trust is checked (survey, user or union feedback). Partial: an independent handler but no check on trust, or the reverse. No: complaints go to the managers concerned. Cite the governance of the mechanism.",
      duties = { "UNGP.GP31.a", "CSDDD.A14" } },

    { id = "core.grievance.accessible", kind = "maturity", na_when = NO_MECHANISM,
      section = "Grievance mechanism",
      text = "Accessible: is the mechanism known to all intended users, free of charge and usable in their languages, with help for those facing literacy, distance or fear of reprisal?",
      help = "Yes: advertised at sites and in communities, available in local languages, free, with oral or anonymous options and support for vulnerable groups. Partial: some of these. No: not advertised or only in writing in one language. Cite posters, leaflets or the web page.",
      duties = { "UNGP.GP31.b", "CSDDD.A14" } },

    { id = "core.grievance.predictable", kind = "maturity", na_when = NO_MECHANISM,
      section = "Grievance mechanism",
      text = "Predictable: is there a published procedure with stages, indicative timeframes and the possible outcomes, and do you follow up on implementation?",
      help = "Yes: the procedure states each stage and its time limit and is followed in practice. Partial: a procedure without timeframes, or not followed. No: no written procedure. Cite the procedure.",
      duties = { "UNGP.GP31.c", "CSDDD.A14" } },

    { id = "core.grievance.equitable", kind = "maturity", na_when = NO_MECHANISM,
      section = "Grievance mechanism",
      text = "Equitable: can complainants obtain information, advice and expertise (for example an independent adviser or a union representative) so that they take part on fair terms?",
      help = "Yes: complainants may be accompanied, get the information relevant to their case and access to independent advice, paid for where needed. Partial: accompaniment allowed but no access to advice. No: none of this. Cite the relevant clause of the procedure.",
      duties = { "UNGP.GP31.d", "CSDDD.A14" } },

    { id = "core.grievance.transparent", kind = "maturity", na_when = NO_MECHANISM_OR_SMALL,
      section = "Grievance mechanism",
      text = "Transparent: are complainants kept informed of progress, and do you publish statistics on complaints received, their subject and their outcome?",
      help = "Yes: complainants receive updates and reasons for decisions, and you publish at least yearly figures by type and outcome. Partial: one of the two. No: neither. Cite the published statistics.",
      duties = { "UNGP.GP31.e", "CSDDD.A14", "UNGP.GP21" } },

    { id = "core.grievance.rights_compatible", kind = "maturity", na_when = NO_MECHANISM,
      section = "Grievance mechanism",
      text = "Rights-compatible: are outcomes consistent with internationally recognised human rights, and does using the mechanism leave complainants free to go to court or other remedies?",
      help = "Yes: no waiver of legal rights is required to use the mechanism or accept a remedy, and outcomes are checked against human-rights standards. Partial: no waiver, but no check of outcomes. No: complainants must waive rights, or outcomes are not checked. Cite the procedure.",
      duties = { "UNGP.GP31.f", "CSDDD.A14" } },

    { id = "core.grievance.learning", kind = "maturity", na_when = NO_MECHANISM,
      section = "Grievance mechanism",
      text = "Source of continuous learning: do you analyse complaints to improve the mechanism and prevent future harm?",
      help = "Yes: complaints are reviewed at least yearly for patterns, and the review has led to documented changes in practice. Partial: reviewed but no changes documented. No: no review. Cite the latest review.",
      duties = { "UNGP.GP31.g", "CSDDD.A15" } },

    { id = "core.grievance.dialogue", kind = "maturity", na_when = NO_MECHANISM,
      section = "Grievance mechanism",
      text = "Based on engagement and dialogue: were users (workers, unions, communities) consulted on the design and performance of the mechanism, and is dialogue the main way of resolving complaints?",
      help = "Yes: users took part in designing or reviewing the mechanism and complaints are resolved through dialogue rather than decided unilaterally. Partial: one of the two. No: neither. Cite consultation records.",
      duties = { "UNGP.GP31.h", "CSDDD.A13" } },

    -- Monitoring and communication ----------------------------------------------------------
    { id = "core.monitoring.frequency", kind = "choice", weight = 2, required = true,
      section = "Monitoring and communication",
      text = "How often do you assess whether your due-diligence measures work, in your own operations and at your business partners?",
      help = "Choose the interval of your periodic effectiveness review (indicators, audits, feedback from affected people). The 2024 text of the CSDDD asks for a review at least every 12 months and after any significant change; the Omnibus I amendment may change the interval, so the annual review remains the benchmark here.",
      options = {
        { value = "annual", label = "At least every 12 months and after significant changes", score = 1 },
        { value = "biennial", label = "Every two years", score = 0.5 },
        { value = "less_often", label = "Every three years or less often", score = 0.25 },
        { value = "ad_hoc", label = "Only after incidents", score = 0.25 },
        { value = "never", label = "Never", score = 0 },
      },
      duties = { "CSDDD.A15", "UNGP.GP20", "OECD.RBC.S4" } },

    { id = "core.reporting.statement", kind = "maturity", weight = 2, evidence = true,
      na_when = { small = true },
      section = "Monitoring and communication",
      text = "Do you publish, at least once a year, a statement on your due diligence: the risks found, the measures taken and their results?",
      help = "Yes: a yearly public statement or a sustainability report section covering risks, actions and results (a CSRD report counts). Partial: a public statement without results, or published less than yearly. No: nothing public. Cite the web address.",
      duties = { "CSDDD.A16", "UNGP.GP21", "OECD.RBC.S5" } },
  },

  rules = {
    -- Severity: scale 3 (no single harm, but every right is unprotected), scope 4 (all operations
    -- and partners), irremediable 2. Likelihood 3: without a commitment, due diligence is seldom
    -- carried out in practice.
    { id = "core.policy.missing", title = "No human-rights and environmental policy commitment",
      duties = { "CSDDD.A07", "UNGP.GP16", "OECD.RBC.S1" },
      severity = { scale = 3, scope = 4, irremediable = 2 }, likelihood = 3,
      impact = "potential",
      action = "Ask the supplier to adopt, within 6 months, a board-approved public policy covering its operations and business partners, and to share the draft for comment.",
      reads = { "core.policy.commitment" },
      when = function(a)
        return lacking(a, "core.policy.commitment")
      end },

    -- Severity: scale 3, scope 4 (every partner in the chain), irremediable 2. Likelihood 3:
    -- partners with no code and no contract clause have no reason to manage impacts.
    { id = "core.policy.partners_unbound", title = "Business partners are bound by no code or contract clause",
      duties = { "CSDDD.A07", "CSDDD.A10" },
      severity = { scale = 3, scope = 4, irremediable = 2 }, likelihood = 3,
      impact = "potential",
      action = "Request a business-partner code and contract clauses that cascade it to the next tier, with a verification plan, starting with the partners in the highest-risk areas.",
      reads = { "core.policy.partner_code", "core.prevention.contract_cascade" },
      when = function(a)
        return lacking(a, "core.policy.partner_code") and lacking(a, "core.prevention.contract_cascade")
      end },

    -- Severity: scale 3, scope 4, irremediable 3 (impacts found late are harder to remedy).
    -- Likelihood 4: impacts that are not looked for are not found.
    { id = "core.risk.not_mapped", title = "No risk mapping of the chain of activities",
      duties = { "CSDDD.A08", "UNGP.GP17", "OECD.RBC.S2" },
      severity = { scale = 3, scope = 4, irremediable = 3 }, likelihood = 4,
      impact = "potential",
      action = "Ask for a risk mapping by country, commodity and partner within 6 months, reaching indirect partners where risks are highest, and review it with the supplier.",
      reads = { "core.risk.mapping", "core.risk.depth" },
      details = { own_only = "Risk identification stops at the supplier's own operations." },
      when = function(a)
        if lacking(a, "core.risk.mapping") then
          return { questions = { "core.risk.mapping" } }
        end
        if util.is(a, "core.risk.depth", "none", "own_operations") then
          return { likelihood = 3, questions = { "core.risk.depth" },
                   detail = { "own_only" } }
        end
      end },

    -- Severity: scale 3, scope 3, irremediable 3 (the most severe impacts may wait behind minor
    -- ones). Likelihood 2: the mapping exists, only the ordering is missing.
    { id = "core.risk.not_prioritised", title = "Identified impacts are not prioritised by severity and likelihood",
      duties = { "CSDDD.A09", "UNGP.GP24" },
      severity = { scale = 3, scope = 3, irremediable = 3 }, likelihood = 2,
      impact = "potential",
      action = "Ask the supplier to rank its identified impacts by scale, scope, irremediable character and likelihood and to share the top five with their action plans.",
      reads = { "core.risk.mapping", "core.risk.prioritisation" },
      when = function(a)
        return util.is(a, "core.risk.mapping", "yes", "partial") and lacking(a, "core.risk.prioritisation")
      end },

    -- Open actual impacts are actual harm whatever the procedure: the count sets the scope (1: 2,
    -- 2-4: 3, 5-19: 4, 20 or more: 5). Without a working corrective procedure (not "yes") the
    -- harm is graver (scale 4) and likely to last (irremediable 3). With one, the impacts are
    -- being brought to an end (scale 2; irremediable 1 for fewer than 5, 2 for 5-19: a medium,
    -- then a high finding) unless there are 20 or more: a backlog that size means harm persists
    -- (scale 3, irremediable 3: critical). Likelihood 5: they have occurred.
    { id = "core.corrective.open_impacts", title = "Actual adverse impacts remain open",
      duties = { "CSDDD.A11", "CSDDD.A12", "UNGP.GP19", "UNGP.GP22" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 5,
      impact = "actual",
      action = "Obtain a corrective action plan for each open impact within 30 days, with deadlines, the remedy offered to those affected and monthly progress reports.",
      reads = { "core.corrective.open_impacts", "core.corrective.process" },
      details = { open_handled = "%g actual impact(s) reported as open, under the supplier's corrective procedure.", open_unhandled = "%g actual impact(s) reported as open, without a working corrective procedure." },
      when = function(a)
        local open = util.num(a, "core.corrective.open_impacts")
        if not open or open <= 0 then
          return nil
        end
        local scope = open >= 20 and 5 or open >= 5 and 4 or open >= 2 and 3 or 2
        local handled = util.is(a, "core.corrective.process", "yes")
        local detail = { handled and "open_handled" or "open_unhandled", open }
        if handled and open < 5 then
          return { scale = 2, scope = scope, irremediable = 1, detail = detail }
        elseif handled and open < 20 then
          return { scale = 2, scope = scope, irremediable = 2, detail = detail }
        elseif handled then
          return { scale = 3, scope = scope, irremediable = 3, detail = detail }
        end
        return { scope = scope, detail = detail }
      end },

    -- Severity: scale 3, scope 3, irremediable 4 (harm left without remedy tends to become
    -- permanent). Likelihood 3; raised to 4 when actual impacts are open.
    { id = "core.remediation.missing", title = "No remediation for impacts the supplier caused or contributed to",
      duties = { "CSDDD.A12", "UNGP.GP22", "OECD.RBC.S6" },
      severity = { scale = 3, scope = 3, irremediable = 4 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a remediation procedure designed with affected people and for its application to every open case; consider joining an industry remediation fund.",
      reads = { "core.remediation.process", "core.corrective.open_impacts" },
      when = function(a)
        if lacking(a, "core.remediation.process") then
          local open = util.num(a, "core.corrective.open_impacts")
          if open and open > 0 then
            return { likelihood = 4 }
          end
          return { questions = { "core.remediation.process" } }
        end
      end },

    -- Severity: scale 3, scope 3, irremediable 3. Likelihood 3: without consultation, impacts
    -- as seen by affected people are missed and plans fail to fit their needs.
    { id = "core.stakeholders.not_engaged", title = "Affected stakeholders are not consulted",
      duties = { "CSDDD.A13", "UNGP.GP18" },
      severity = { scale = 3, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Ask for an engagement plan naming the affected groups and their legitimate representatives, and for consultation on the next action plan before it is adopted.",
      reads = { "core.stakeholders.engagement" },
      when = function(a)
        return lacking(a, "core.stakeholders.engagement")
      end },

    -- Severity: scale 3, scope 4 (nobody outside the company can raise concerns), irremediable 3.
    -- Likelihood 4: without a channel, harm continues unreported.
    { id = "core.grievance.missing", title = "No grievance mechanism open to affected people",
      duties = { "CSDDD.A14", "UNGP.GP29" },
      severity = { scale = 3, scope = 4, irremediable = 3 }, likelihood = 4,
      impact = "potential",
      action = "Ask the supplier to set up or join, within 6 months, a grievance mechanism open to workers, communities, unions and civil society, designed with its users.",
      reads = { "core.grievance.mechanism" },
      when = function(a)
        return lacking(a, "core.grievance.mechanism")
      end },

    -- Severity: scale 3, scope 3, irremediable 3. Likelihood 3: a mechanism that fails three or
    -- more of the eight UNGP 31 criteria is seldom used or trusted.
    { id = "core.grievance.ineffective", title = "Grievance mechanism fails several UNGP 31 effectiveness criteria",
      duties = { "CSDDD.A14", "UNGP.GP31" },
      severity = { scale = 3, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential",
      action = "Agree an improvement plan for the criteria not met, starting with accessibility and independence, and review the mechanism with its users within 12 months.",
      reads = { "core.grievance.mechanism", "core.grievance.legitimate",
         "core.grievance.accessible", "core.grievance.predictable", "core.grievance.equitable",
         "core.grievance.transparent", "core.grievance.rights_compatible",
         "core.grievance.learning", "core.grievance.dialogue" },
      details = { criteria = "%d of 8 effectiveness criteria not met." },
      when = function(a)
        if not util.is(a, "core.grievance.mechanism", "yes", "partial") then
          return false
        end
        local failing = {}
        for _, id in ipairs(GRIEVANCE_CRITERIA) do
          if lacking(a, id) then
            failing[#failing + 1] = id
          end
        end
        if #failing >= 3 then
          return { questions = failing,
                   detail = { "criteria", #failing } }
        end
      end },

    -- Severity: scale 3, scope 3, irremediable 2. Likelihood 3: measures that are never
    -- checked drift, and new risks are missed.
    { id = "core.monitoring.infrequent", title = "Due-diligence measures are not monitored periodically",
      duties = { "CSDDD.A15", "UNGP.GP20", "OECD.RBC.S4" },
      severity = { scale = 3, scope = 3, irremediable = 2 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a yearly effectiveness review with indicators per priority risk, and for a review after any significant change.",
      reads = { "core.monitoring.frequency" },
      when = function(a)
        return util.is(a, "core.monitoring.frequency", "ad_hoc", "never")
      end },
  },

  tests = (function()
    -- A well-run supplier: every test below starts from it and changes only what it tests.
    local good = {
      ["core.policy.commitment"] = "yes", ["core.policy.senior_approval"] = "yes",
      ["core.policy.partner_code"] = "yes", ["core.policy.last_review"] = "2025-02-14",
      ["core.risk.mapping"] = "yes", ["core.risk.depth"] = "high_risk_indirect",
      ["core.risk.prioritisation"] = "yes", ["core.prevention.action_plan"] = "yes",
      ["core.prevention.contract_cascade"] = "yes", ["core.corrective.process"] = "yes",
      ["core.corrective.open_impacts"] = 0, ["core.remediation.process"] = "yes",
      ["core.stakeholders.engagement"] = "yes", ["core.grievance.mechanism"] = "yes",
      ["core.grievance.legitimate"] = "yes", ["core.grievance.accessible"] = "yes",
      ["core.grievance.predictable"] = "yes", ["core.grievance.equitable"] = "yes",
      ["core.grievance.transparent"] = "yes", ["core.grievance.rights_compatible"] = "yes",
      ["core.grievance.learning"] = "yes", ["core.grievance.dialogue"] = "yes",
      ["core.monitoring.frequency"] = "annual", ["core.reporting.statement"] = "yes",
    }
    local function with(changes)
      local t = {}
      for k, v in pairs(good) do t[k] = v end
      for k, v in pairs(changes) do t[k] = v end
      return t
    end
    local ALL = { "core.policy.missing", "core.policy.partners_unbound", "core.risk.not_mapped",
                  "core.risk.not_prioritised", "core.corrective.open_impacts", "core.remediation.missing",
                  "core.stakeholders.not_engaged", "core.grievance.missing",
                  "core.grievance.ineffective", "core.monitoring.infrequent" }
    return {
      { name = "a well-run process, with evidence, raises no finding and rates A",
        answers = good, context = { period = 2025 }, evidence = true,
        expect = { absent = ALL, rating = "A", red_flag = false } },

      { name = "no policy commitment is a finding",
        answers = with { ["core.policy.commitment"] = "no" },
        expect = { findings = { "core.policy.missing" } } },
      { name = "a partial (internal) policy is not a missing policy",
        answers = with { ["core.policy.commitment"] = "partial" },
        expect = { absent = { "core.policy.missing" } } },

      { name = "no partner code and no contract clauses leave partners unbound",
        answers = with { ["core.policy.partner_code"] = "no", ["core.prevention.contract_cascade"] = "unknown" },
        expect = { findings = { "core.policy.partners_unbound" } } },
      { name = "contract clauses without a code still bind partners",
        answers = with { ["core.policy.partner_code"] = "no", ["core.prevention.contract_cascade"] = "partial" },
        expect = { absent = { "core.policy.partners_unbound" } } },

      { name = "no risk mapping is a finding",
        answers = with { ["core.risk.mapping"] = "unknown" },
        expect = { findings = { "core.risk.not_mapped" }, absent = { "core.risk.not_prioritised" } } },
      { name = "mapping limited to own operations is a finding",
        answers = with { ["core.risk.depth"] = "own_operations" },
        expect = { findings = { "core.risk.not_mapped" } } },
      { name = "mapping of direct partners is not a missing mapping",
        answers = with { ["core.risk.mapping"] = "partial", ["core.risk.depth"] = "direct_partners" },
        expect = { absent = { "core.risk.not_mapped" } } },

      { name = "a mapping without ranking is not prioritised",
        answers = with { ["core.risk.prioritisation"] = "no" },
        expect = { findings = { "core.risk.not_prioritised" } } },
      { name = "an informal ranking counts as prioritisation",
        answers = with { ["core.risk.prioritisation"] = "partial" },
        expect = { absent = { "core.risk.not_prioritised" } } },

      { name = "open actual impacts without a corrective procedure",
        answers = with { ["core.corrective.open_impacts"] = 3, ["core.corrective.process"] = "partial" },
        expect = { findings = { "core.corrective.open_impacts" } } },
      { name = "open actual impacts are a finding even under a corrective procedure",
        answers = with { ["core.corrective.open_impacts"] = 3 },
        expect = { findings = { "core.corrective.open_impacts" } } },
      { name = "the same process without evidence cannot rate A or B",
        answers = good, context = { period = 2025 },
        expect = { rating = "C" } },
      { name = "open impacts left unknown ask for information",
        answers = with { ["core.corrective.open_impacts"] = "unknown" },
        expect = { info = { "core.corrective.open_impacts" } } },

      { name = "no remediation process is a finding",
        answers = with { ["core.remediation.process"] = "no", ["core.corrective.open_impacts"] = 2 },
        expect = { findings = { "core.remediation.missing" } } },
      { name = "case-by-case remediation is not missing remediation",
        answers = with { ["core.remediation.process"] = "partial" },
        expect = { absent = { "core.remediation.missing" } } },

      { name = "no stakeholder consultation is a finding",
        answers = with { ["core.stakeholders.engagement"] = "no" },
        expect = { findings = { "core.stakeholders.not_engaged" } } },
      { name = "partial consultation is not a finding",
        answers = with { ["core.stakeholders.engagement"] = "partial" },
        expect = { absent = { "core.stakeholders.not_engaged" } } },

      { name = "no grievance mechanism is a finding, and the criteria are not judged",
        answers = with { ["core.grievance.mechanism"] = "no", ["core.grievance.legitimate"] = "na",
                         ["core.grievance.accessible"] = "no", ["core.grievance.predictable"] = "no",
                         ["core.grievance.equitable"] = "no" },
        expect = { findings = { "core.grievance.missing" }, absent = { "core.grievance.ineffective" } } },
      { name = "an employee-only mechanism is not a missing mechanism",
        answers = with { ["core.grievance.mechanism"] = "partial" },
        expect = { absent = { "core.grievance.missing" } } },

      { name = "a mechanism failing three UNGP 31 criteria is ineffective",
        answers = with { ["core.grievance.accessible"] = "no", ["core.grievance.equitable"] = "unknown",
                         ["core.grievance.dialogue"] = "no" },
        expect = { findings = { "core.grievance.ineffective" }, absent = { "core.grievance.missing" } } },
      { name = "a mechanism failing two criteria is not judged ineffective",
        answers = with { ["core.grievance.accessible"] = "no", ["core.grievance.equitable"] = "partial",
                         ["core.grievance.dialogue"] = "no" },
        expect = { absent = { "core.grievance.ineffective" } } },

      { name = "monitoring only after incidents is a finding",
        answers = with { ["core.monitoring.frequency"] = "ad_hoc" },
        expect = { findings = { "core.monitoring.infrequent" } } },
      { name = "a two-yearly review is not a finding",
        answers = with { ["core.monitoring.frequency"] = "biennial" },
        expect = { absent = { "core.monitoring.infrequent" } } },
    }
  end)(),
}
