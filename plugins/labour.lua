-- labour.lua: labour rights of workers in the supplier's own operations and its labour supply chain.
--
-- Method notes for reviewers:
-- * Forced-labour questions follow the ILO indicators of forced labour that a buyer can ask about
--   and verify: recruitment fees paid by workers, retained identity documents, restricted movement,
--   debt bondage, and excessive overtime imposed under threat of a penalty. Long hours alone are not
--   an indicator (the ILO counts overtime only where workers cannot refuse it); they are a
--   working-hours finding. Each indicator is asked separately so that a finding names it; the rules
--   then combine them (two or more indicators together are a red flag). All forced-labour rules
--   form one impact group, "forced_labour"; all child-labour rules, here and in the mining pack,
--   the group "child_labour": one fact, one finding.
-- * "unknown" is a gap and reaches the rules as "unknown". Where the risk cannot be ruled out in a
--   high-risk context (most workers are migrants and nobody checked their recruitment fees), the
--   inability to rule it out is itself the finding.
-- * Outcome questions ("was child labour found?") score the outcome; the process questions
--   ("is there a remediation programme?") score the response. A supplier that finds and remediates
--   child labour therefore keeps the remediation points and avoids the red flag.
-- * Thresholds (60 hours a week, LTIFR per 1,000,000 hours, minimum age 15) are stated in the help
--   text so that suppliers and reviewers see the same yardstick.

local util = require "util"

-- Forced-labour indicator questions and the answer that means "indicator present"; `label` is
-- the key of the indicator's name in the rules' `details` (indicator_details), so that it is translated.
local FORCED = {
  { id = "labour.recruitment_fees.paid_by_workers", bad = "yes", label = "fees" },
  { id = "labour.forced.documents_retained", bad = "yes", label = "documents" },
  { id = "labour.forced.movement_restricted", bad = "yes", label = "movement" },
  { id = "labour.forced.debt_bondage", bad = "yes", label = "debt" },
}

-- The indicators' names, and the two detail templates that list them.
local function indicator_details(extra)
  local d = {
    fees = "recruitment fees paid by workers",
    documents = "identity documents retained",
    movement = "freedom of movement restricted",
    debt = "debt bondage",
    overtime = "excessive overtime under threat of penalty",
  }
  for k, v in pairs(extra) do d[k] = v end
  return d
end

-- Returns the list of forced-labour indicators present and the question ids behind them.
local function forced_indicators(a)
  local found, qids = {}, {}
  for _, ind in ipairs(FORCED) do
    if a[ind.id] == ind.bad then
      found[#found + 1] = ind.label
      qids[#qids + 1] = ind.id
    end
  end
  -- Excessive overtime is an indicator only when it is imposed: more than 10% of workers
  -- exceeded 60 hours in a week and workers cannot refuse overtime without a penalty (ILO).
  local over60 = util.num(a, "labour.hours.over60_share")
  if over60 and over60 > 10 and a["labour.hours.overtime_voluntary"] == "no" then
    found[#found + 1] = "overtime"
    qids[#qids + 1] = "labour.hours.over60_share"
    qids[#qids + 1] = "labour.hours.overtime_voluntary"
  end
  return found, qids
end

local YES_NO = function(good_label, bad_label)
  return {
    { value = "no", label = good_label, score = 1 },
    { value = "yes", label = bad_label, score = 0 },
  }
end

return module {
  id = "labour",
  title = "Labour rights",
  version = "1.0.0",
  description = [[
Labour rights in the supplier's own operations and in its labour supply chain (labour agents,
sub-contracted workers): forced labour, child labour, wages, working hours, occupational health and
safety, freedom of association, non-discrimination and migrant workers. Anchored in CSDDD Annex
Part I, Section 1 items 6 to 14 and in the ILO core labour standards that UNGP 12 points to.]],

  questions = {
    -- Forced labour ---------------------------------------------------------------------------
    { id = "labour.recruitment_fees.paid_by_workers", kind = "choice", weight = 3, required = true,
      section = "Forced labour",
      text = "In the reporting period, did any worker (own staff, agency or contractor staff) pay recruitment "
          .. "fees or related costs to obtain their job?",
      help = "Recruitment fees and related costs include agency or broker fees, visa, medical, travel, "
          .. "training and document costs, and deposits, whether paid in the home country or on arrival. "
          .. "Answer 'no' only if you have checked with workers (interviews or surveys) and with your labour "
          .. "agents; cite the Employer Pays policy and the check. Answer 'reimbursed' if workers paid but "
          .. "you have repaid every worker in full (cite the reimbursement records). Answer 'yes' if any "
          .. "worker paid and has not been repaid.",
      options = {
        { value = "no", label = "No worker paid any fee or cost", score = 1 },
        { value = "reimbursed", label = "Some paid, all fully reimbursed", score = 0.5 },
        { value = "yes", label = "Some paid and are not reimbursed", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.11", "CSDDD.ANX.I1.12", "UNGP.GP12" } },

    { id = "labour.forced.documents_retained", kind = "choice", weight = 3, required = true,
      section = "Forced labour",
      text = "Does your company, a labour agent or a dormitory operator hold workers' passports, identity "
          .. "cards, work permits or other personal documents?",
      help = "Answer 'no' if workers keep their own documents (copies for personnel files are fine). "
          .. "Answer 'safekeeping' only if documents are held at the written, revocable request of the "
          .. "worker and the worker can take them back at any time without asking permission; cite the "
          .. "procedure and the access log. Answer 'yes' if documents are held for any other reason, "
          .. "including 'to prevent workers from leaving'.",
      options = {
        { value = "no", label = "Workers keep their own documents", score = 1 },
        { value = "safekeeping", label = "Held by the employer for safekeeping, free access at any time", score = 0.5 },
        { value = "yes", label = "Documents are retained", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.11", "CSDDD.ANX.I1.12" } },

    { id = "labour.forced.movement_restricted", kind = "choice", weight = 3, required = true,
      section = "Forced labour",
      text = "Are workers' movements restricted, at work or in company-provided housing, beyond what safety "
          .. "requires?",
      help = "Restrictions include locked dormitories or gates, exit permits, curfews enforced by guards, "
          .. "limits on toilet or water breaks, and penalties for leaving the site in free time. Reasonable "
          .. "safety rules (for example access control to hazardous areas) are not restrictions. Answer "
          .. "'yes' if any such restriction applies to any group of workers.",
      options = YES_NO("No restrictions beyond safety rules", "Movement is restricted"),
      duties = { "CSDDD.ANX.I1.11", "CSDDD.ANX.I1.03" } },

    { id = "labour.forced.debt_bondage", kind = "choice", weight = 3, required = true,
      section = "Forced labour",
      text = "Do any workers owe money to the company, a labour agent or a lender linked to them that they "
          .. "repay through wage deductions or work?",
      help = "Include loans and wage advances, recruitment debt, deposits withheld from wages, and "
          .. "deductions for housing, food or equipment above the legal limit. A small interest-free "
          .. "advance repaid at the worker's choice is not debt bondage; say so in the comment. Answer "
          .. "'yes' if any worker cannot freely leave because of a debt.",
      options = YES_NO("No such debts", "Workers repay debts through work or deductions"),
      duties = { "CSDDD.ANX.I1.11", "CSDDD.ANX.I1.12" } },

    -- Working hours ---------------------------------------------------------------------------
    { id = "labour.hours.over60_share", kind = "percent", weight = 2,
      section = "Working hours",
      text = "What share of workers worked more than 60 hours (including overtime) in at least one week of "
          .. "the reporting period?",
      help = "Use time records for all workers, including agency workers. 0 means nobody exceeded 60 hours "
          .. "in any week. Scoring: 0% = full marks, up to 5% = half, more = none. Cite the time-record "
          .. "extract or audit report that supports the figure.",
      score = function(v)
        if v == 0 then return 1 elseif v <= 5 then return 0.5 end
        return 0
      end,
      duties = { "CSDDD.ANX.I1.06" } },

    { id = "labour.hours.overtime_voluntary", kind = "maturity", weight = 2, required = true, evidence = true,
      section = "Working hours",
      text = "Can workers refuse overtime without any penalty (no dismissal, fine, loss of bonus or of "
          .. "future shifts, no withholding of wages)?",
      help = "Yes: overtime is asked for, never imposed; refusals are recorded and workers interviewed "
          .. "confirm they can refuse. Partial: voluntary on paper, but production targets make "
          .. "refusing difficult. No: overtime is compulsory or refusing is penalised. Cite the "
          .. "overtime procedure and worker interviews.",
      duties = { "CSDDD.ANX.I1.11", "CSDDD.ANX.I1.06", "RBA.A3" } },

    { id = "labour.hours.policy", kind = "maturity", weight = 2, evidence = true,
      section = "Working hours",
      text = "Are working hours kept within the legal limit and 60 hours a week, with voluntary overtime paid "
          .. "at a premium and at least one day off in seven?",
      help = "Yes: a written hours policy, reliable time records (not double books), overtime by consent and "
          .. "paid at the legal premium, one rest day in seven, all checked in the last 12 months. Partial: "
          .. "policy in place but exceptions in peak season or at some sites. No: no policy or limits are "
          .. "routinely exceeded.",
      duties = { "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.11" } },

    -- Child labour ----------------------------------------------------------------------------
    { id = "labour.child.age_verification", kind = "maturity", weight = 2, required = true, evidence = true,
      section = "Child labour",
      text = "Do you verify the age of every worker at hiring, including agency and seasonal workers, using "
          .. "reliable documents?",
      help = "Yes: a written procedure, original identity documents checked (with a fallback such as "
          .. "medical or school records where documents are unreliable), a copy kept on file, and labour "
          .. "agents required to do the same. Partial: own employees only, or spot checks. No: no "
          .. "systematic check.",
      duties = { "CSDDD.ANX.I1.09", "CSDDD.ANX.I1.08" } },

    { id = "labour.child.minimum_age", kind = "number", min = 0, max = 25, unit = "years", weight = 2,
      section = "Child labour",
      text = "What is the minimum age at which you hire workers?",
      help = "Give the lowest age at which your company or its labour agents may hire anyone, in years. It "
          .. "must be at least the end of compulsory schooling and never below 15 (ILO C138 allows a few "
          .. "countries 14 as a transitional exception; explain in the comment if you rely on it). Scoring: "
          .. "18 or more = full marks, 15 to 17 = 0.75 (young workers need the protections below), below "
          .. "15 = none.",
      score = function(v)
        if v >= 18 then return 1 elseif v >= 15 then return 0.75 end
        return 0
      end,
      duties = { "CSDDD.ANX.I1.09" } },

    { id = "labour.child.found", kind = "choice", weight = 2, required = true,
      section = "Child labour",
      text = "Was child labour (a worker below the minimum age, or an under-18 in hazardous work) found in your "
          .. "operations or among your suppliers in the last three years?",
      help = "Count cases found by your own checks, audits, grievances, NGOs or the media. Answer 'no' only "
          .. "if you have looked (cite the audit or check). Disclosing a case does not by itself trigger a "
          .. "red flag: a case without remediation does.",
      options = {
        { value = "no", label = "None found after checks", score = 1 },
        { value = "yes_supply_chain", label = "Found at a supplier or sub-contractor", score = 0.25 },
        { value = "yes_own", label = "Found in own operations", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.09", "CSDDD.ANX.I1.10", "CSDDD.A08" } },

    { id = "labour.child.hazardous_under18", kind = "choice", weight = 2, required = true,
      section = "Child labour",
      text = "Do workers under 18 do hazardous work: night shifts, overtime, heavy loads, work with chemicals, "
          .. "dangerous machinery, at height or underground?",
      help = "Answer 'no_young_workers' if nobody under 18 works for you or your labour agents. Answer 'no' if "
          .. "you employ under-18s and can show a list of tasks closed to them and a check that it is "
          .. "applied. Answer 'yes' if any under-18 does any of the listed work.",
      options = {
        { value = "no_young_workers", label = "No workers under 18", score = 1 },
        { value = "no", label = "Under-18s employed, excluded from hazardous work", score = 1 },
        { value = "yes", label = "Under-18s do hazardous work", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.10", "CSDDD.ANX.I1.08" } },

    { id = "labour.child.remediation", kind = "maturity", weight = 2, evidence = true,
      section = "Child labour",
      text = "Do you have a child-labour remediation programme that puts the child's best interests first, "
          .. "and was it applied to every case found?",
      help = "Yes: a written procedure that removes the child from work without simply dismissing them, pays "
          .. "for schooling or vocational training, compensates lost family income until the child reaches "
          .. "working age, and offers a job to an adult family member; every case found was handled this "
          .. "way (cite case files, anonymised). Partial: procedure exists but was not fully applied. No: "
          .. "none, or children were dismissed. There is no 'na': a procedure is expected even before "
          .. "any case is found.",
      duties = { "CSDDD.ANX.I1.08", "CSDDD.A12", "UNGP.GP22" } },

    -- Wages -----------------------------------------------------------------------------------
    { id = "labour.wage.living_wage_gap", kind = "maturity", weight = 2, evidence = true,
      section = "Wages",
      text = "Have you compared wages with a credible living-wage benchmark and adopted a time-bound plan to "
          .. "close any gap?",
      help = "Yes: wages of the lowest-paid group (including agency workers) compared with a named benchmark "
          .. "(for example an Anker benchmark or a Global Living Wage Coalition figure) in the last 24 "
          .. "months, and a plan with dates. Partial: comparison done, no plan; or legal minimum wage "
          .. "checked only. No: not assessed. Legal minimum wage and timely payment are a floor, not a "
          .. "living wage.",
      duties = { "CSDDD.ANX.I1.06" } },

    -- Health and safety -----------------------------------------------------------------------
    { id = "labour.ohs.fatalities", kind = "number", min = 0, unit = "deaths", weight = 3, required = true,
      section = "Occupational health and safety",
      text = "How many work-related fatalities (employees and contractors) occurred in the reporting period?",
      help = "Count every death from a work-related injury or acute illness, at any site you operate, "
          .. "including contractors and commuting in company transport. 0 scores full marks; any death "
          .. "scores none. Cite the incident register or the safety report.",
      score = function(v) if v == 0 then return 1 end return 0 end,
      duties = { "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.01" } },

    { id = "labour.ohs.ltifr", kind = "number", min = 0, unit = "per 1,000,000 hours", weight = 2, required = true,
      section = "Occupational health and safety",
      text = "What was your lost-time injury frequency rate (LTIFR) in the reporting period?",
      help = "Lost-time injuries x 1,000,000 / hours worked, employees and contractors together. If you "
          .. "report per 200,000 hours, multiply by 5. Scoring: 1 or less = full marks, up to 5 = half, "
          .. "more = none. Cite the safety statistics.",
      score = function(v)
        if v <= 1 then return 1 elseif v <= 5 then return 0.5 end
        return 0
      end,
      duties = { "CSDDD.ANX.I1.06" } },

    { id = "labour.ohs.committee", kind = "maturity", weight = 2, evidence = true,
      section = "Occupational health and safety",
      text = "Is there a joint health and safety committee with worker members chosen by workers, backed by a "
          .. "health and safety management system?",
      help = "Yes: worker members elected by workers (not appointed by management), regular minuted "
          .. "meetings, power to stop unsafe work, and a management system (for example ISO 45001) with "
          .. "risk assessments for every task. Partial: committee exists but members are appointed, or "
          .. "the system covers some sites only. No: neither.",
      duties = { "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.13" } },

    -- Freedom of association ------------------------------------------------------------------
    { id = "labour.foa.representation", kind = "choice", weight = 2,
      section = "Freedom of association",
      text = "How are workers represented at your main sites?",
      help = "Choose the strongest form that covers most workers. Where national law restricts independent "
          .. "unions, 'elected_committee' means a committee freely elected by secret ballot without "
          .. "management candidates. Cite the collective agreement or the election record.",
      options = {
        { value = "union_cba", label = "Independent union with a collective agreement", score = 1 },
        { value = "union", label = "Independent union, no collective agreement", score = 0.75 },
        { value = "elected_committee", label = "Freely elected worker committee", score = 0.5 },
        { value = "none", label = "No worker representation", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.13", "UNGP.GP12" } },

    { id = "labour.foa.retaliation", kind = "choice", weight = 2, required = true,
      section = "Freedom of association",
      text = "In the last three years, were workers dismissed, disciplined, blacklisted or threatened for "
          .. "joining or organising a union, or for taking part in a lawful strike?",
      help = "Include cases raised by unions, grievances, audits or labour courts. 'alleged' means an "
          .. "allegation was made and is not yet resolved. 'confirmed' means an investigation, court or "
          .. "audit found it happened. Cite the case list, anonymised.",
      options = {
        { value = "none", label = "No cases or allegations", score = 1 },
        { value = "alleged", label = "Allegations, unresolved", score = 0.25 },
        { value = "confirmed", label = "Confirmed cases", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.13" } },

    -- Non-discrimination ----------------------------------------------------------------------
    { id = "labour.discrimination.policy", kind = "maturity", weight = 2, evidence = true,
      section = "Non-discrimination and harassment",
      text = "Do you prevent discrimination and harassment, including sexual harassment, and check for "
          .. "unequal pay for work of equal value?",
      help = "Yes: a written policy covering hiring, pay, promotion and dismissal; no pregnancy or medical "
          .. "tests used to screen applicants; a confidential harassment procedure with trained handlers; an "
          .. "equal-pay review in the last 24 months. Partial: policy without procedure or pay review. No: "
          .. "none.",
      duties = { "CSDDD.ANX.I1.14", "UNGP.GP12" } },

    -- Gender-based violence and harassment ---------------------------------------------------
    { id = "labour.gbvh.prevention", kind = "maturity", weight = 2, required = true, evidence = true,
      section = "Gender-based violence and harassment",
      text = "Do you prevent and respond to gender-based violence and harassment at your sites, in worker "
          .. "camps and dormitories and in transport, including by contractors and security staff?",
      help = "Yes: a policy that names gender-based violence and harassment, a risk assessment of sites "
          .. "and camps (lighting, separate and lockable accommodation and washrooms, transport), a "
          .. "confidential reporting channel with trained women handlers, support for survivors, and "
          .. "contract clauses binding contractors. Partial: a harassment policy without the site and "
          .. "camp measures, or without survivor support. No: none.",
      duties = { "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.14", "CSDDD.ANX.I2.CEDAW", "IRMA.3.1", "IFC.PS2" } },

    { id = "labour.gbvh.cases", kind = "choice", weight = 2, required = true,
      section = "Gender-based violence and harassment",
      text = "In the reporting period, were cases of gender-based violence or sexual harassment reported at "
          .. "your sites or camps, and how were they handled?",
      help = "'none_reported' requires a channel women can use safely (see the previous question); "
          .. "'handled' means every case was investigated, the survivor supported and sanctions taken; "
          .. "'open' means cases remain uninvestigated or without action. Details may be confidential.",
      options = {
        { value = "none_reported", label = "None reported", score = 1 },
        { value = "handled", label = "Reported and handled", score = 1 },
        { value = "open", label = "Reported, not investigated or not acted on", score = 0 },
      },
      duties = { "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.14", "CSDDD.A11", "UNGP.GP22" } },

    -- Migrant workers -------------------------------------------------------------------------
    { id = "labour.migrant.share", kind = "percent", required = true,
      section = "Migrant workers",
      text = "What share of your workforce are migrant workers (foreign, or internal migrants from other "
          .. "provinces), including agency workers?",
      help = "Informational: used to weigh recruitment risk, not scored. Give the share at the end of the "
          .. "period; 0 if none.",
      duties = { "CSDDD.ANX.I1.11", "CSDDD.ANX.I1.14" } },

    { id = "labour.migrant.recruitment", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["labour.migrant.share"] = 0 },
      section = "Migrant workers",
      text = "Do you manage the recruitment of migrant workers responsibly, from the home country to the "
          .. "workplace?",
      help = "Yes: labour agents in sending and receiving countries are screened and audited; workers get a "
          .. "contract in a language they understand before departure, with the same terms on arrival; "
          .. "Employer Pays applies; workers may change jobs and return home without penalty. Partial: "
          .. "receiving-country agents only, or no pre-departure contract. No: not managed. na: only when "
          .. "the migrant share is 0.",
      duties = { "CSDDD.ANX.I1.11", "CSDDD.ANX.I1.12", "CSDDD.A10" } },
  },

  rules = {
    -- Severity: scale 5 (forced labour is among the gravest labour abuses), scope 4 (indicators found by
    -- the supplier usually concern a group, not one worker), irremediable 4 (debts and lost freedom are
    -- hard to undo). Likelihood 5: the supplier itself reports two or more indicators, which the ILO
    -- treats as strong evidence of forced labour.
    { id = "labour.forced.indicators", title = "Several forced-labour indicators present",
      duties = { "CSDDD.ANX.I1.11", "CSDDD.ANX.I1.12", "CSDDD.A11", "UNGP.GP19" },
      severity = { scale = 5, scope = 4, irremediable = 4 }, likelihood = 5,
      red_flag = true, impact = "actual", group = "forced_labour", risks = { "forced_labour" },
      action = "Open an independent investigation with worker interviews within 30 days; require immediate "
          .. "return of documents, removal of movement restrictions, cancellation of worker debts and "
          .. "full reimbursement of recruitment fees; agree a corrective action plan with dated milestones "
          .. "and verify it on site. Suspend new orders if the plan is not met.",
      reads = { "labour.hours.over60_share", "labour.hours.overtime_voluntary",
         "labour.recruitment_fees.paid_by_workers", "labour.forced.documents_retained",
         "labour.forced.movement_restricted", "labour.forced.debt_bondage" },
      details = indicator_details { indicators = "Indicators present: %s" },
      when = function(a)
        local found, qids = forced_indicators(a)
        if #found >= 2 then
          return { detail = { "indicators", found }, questions = qids }
        end
      end },

    -- Severity: scale 4 (one indicator is already a serious infringement of free choice of employment),
    -- scope 3, irremediable 3 (fees and lost documents can be repaid and returned). Likelihood 4: the
    -- practice is reported, but one indicator alone does not prove forced labour.
    { id = "labour.forced.indicator", title = "A forced-labour indicator is present",
      duties = { "CSDDD.ANX.I1.11", "CSDDD.A11" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 4,
      impact = "actual", group = "forced_labour", risks = { "forced_labour" },
      action = "End the practice (reimburse fees, return documents, lift restrictions or cancel debts), check "
          .. "whether other indicators are present through confidential worker interviews, and report "
          .. "the outcome within 90 days.",
      reads = { "labour.hours.over60_share", "labour.hours.overtime_voluntary",
         "labour.recruitment_fees.paid_by_workers", "labour.forced.documents_retained",
         "labour.forced.movement_restricted", "labour.forced.debt_bondage" },
      details = indicator_details { indicator = "Indicator present: %s" },
      when = function(a)
        local found, qids = forced_indicators(a)
        if #found == 1 then
          return { detail = { "indicator", found[1] }, questions = qids }
        end
      end },

    -- Severity: scale 5 (a child's health, schooling and development), scope 3, irremediable 4 (lost
    -- schooling and harm to development cannot be fully restored). Likelihood 5: the supplier reports
    -- that child labour was found.
    { id = "labour.child.unremediated", title = "Child labour found without full remediation",
      duties = { "CSDDD.ANX.I1.09", "CSDDD.ANX.I1.08", "CSDDD.A11", "CSDDD.A12", "UNGP.GP22" },
      severity = { scale = 5, scope = 3, irremediable = 4 }, likelihood = 5,
      red_flag = true, impact = "actual", group = "child_labour",
      action = "Require a remediation plan for every child within 30 days, designed with a specialist child-"
          .. "rights organisation: safe removal from work, funded schooling, income support for the "
          .. "family and no dismissal as the sole response; verify each case and fix the age checks that "
          .. "failed.",
      reads = { "labour.child.found", "labour.child.remediation" },
      when = function(a)
        return util.is(a, "labour.child.found", "yes_own", "yes_supply_chain")
            and a["labour.child.remediation"] ~= "yes"
      end },

    -- Severity: scale 5 (hazardous work by children is one of the worst forms of child labour), scope 3,
    -- irremediable 5 (injury or illness of a child may be permanent). Likelihood 5: reported by the
    -- supplier.
    { id = "labour.child.hazardous", title = "Workers under 18 in hazardous work",
      duties = { "CSDDD.ANX.I1.10", "CSDDD.ANX.I1.08", "CSDDD.A11" },
      severity = { scale = 5, scope = 3, irremediable = 5 }, likelihood = 5,
      red_flag = true, impact = "actual", group = "child_labour",
      action = "Move every worker under 18 out of hazardous tasks immediately without loss of pay, publish a "
          .. "list of tasks closed to young workers, train supervisors, and verify on site within 60 days.",
      reads = { "labour.child.hazardous_under18" },
      when = function(a)
        return a["labour.child.hazardous_under18"] == "yes"
      end },

    -- Severity: scale 4 (child labour), scope 2 (a gap in controls, no case known), irremediable 4.
    -- Likelihood 3 when age checks are missing; 4 when the hiring age itself is below 15.
    { id = "labour.child.age_controls", title = "Weak controls against child labour",
      duties = { "CSDDD.ANX.I1.09", "CSDDD.A10" },
      severity = { scale = 4, scope = 2, irremediable = 4 }, likelihood = 3,
      impact = "potential", group = "child_labour", risks = { "child_labour" },
      action = "Introduce documented age verification at hiring for all workers, including those supplied by "
          .. "agents, and set the minimum hiring age at 15 or the end of compulsory schooling if higher; "
          .. "check a sample of personnel files within 90 days.",
      reads = { "labour.child.minimum_age", "labour.child.age_verification" },
      details = { age = "Minimum hiring age is %g years",
                  no_verification = "No systematic age verification at hiring" },
      when = function(a)
        local age = util.num(a, "labour.child.minimum_age")
        if age and age < 15 then
          return { likelihood = 4, detail = { "age", age },
                   questions = { "labour.child.minimum_age" } }
        end
        if util.is(a, "labour.child.age_verification", "no", "unknown") then
          return { detail = { "no_verification" },
                   questions = { "labour.child.age_verification" } }
        end
      end },

    -- Severity: scale 3 (health and family life), scope 3 (usually whole production lines), irremediable
    -- 2 (fatigue-related harm is mostly recoverable). Likelihood 4: based on the supplier's own records.
    { id = "labour.hours.excessive", title = "Excessive working hours",
      duties = { "CSDDD.ANX.I1.06" },
      severity = { scale = 3, scope = 3, irremediable = 2 }, likelihood = 4,
      impact = "actual",
      action = "Agree a plan to bring all workers within 60 hours a week and one rest day in seven within six "
          .. "months (staffing, production planning, and the buyer's own lead times), and track weekly "
          .. "hours from time records.",
      reads = { "labour.hours.over60_share", "labour.hours.policy" },
      when = function(a)
        local over60 = util.num(a, "labour.hours.over60_share")
        if over60 and over60 > 5 then return true end
        if over60 and over60 > 0 and a["labour.hours.policy"] ~= "yes" then return true end
        if a["labour.hours.policy"] == "no" then
          return { likelihood = 3, questions = { "labour.hours.policy" } }
        end
      end },

    -- Severity: scale 5 (loss of life), irremediable 5; scope from the count (1 death: 1, 2-4: 2,
    -- 5-19: 3, 20 or more: 4). Likelihood 5: a death occurred. One death is critical; several in
    -- one year are a red flag (below).
    { id = "labour.ohs.fatality", title = "Work-related fatality",
      duties = { "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.01", "CSDDD.A11", "CSDDD.A12" },
      severity = { scale = 5, scope = 1, irremediable = 5 }, likelihood = 5,
      impact = "actual", group = "fatalities",
      action = "Obtain the root-cause investigation of every fatality, check that the families received "
          .. "compensation, and verify that the corrective measures were implemented at all comparable "
          .. "sites.",
      reads = { "labour.ohs.fatalities" },
      details = { many = "%g fatalities reported.", one = "1 fatality reported." },
      when = function(a)
        local n = util.num(a, "labour.ohs.fatalities")
        if n and n > 0 then
          local scope = n >= 20 and 4 or n >= 5 and 3 or n >= 2 and 2 or 1
          return { scope = scope, detail = n == 1 and { "one" } or { "many", n } }
        end
      end },

    -- Severity: as for one fatality, scope from the count. Three or more deaths in one reporting
    -- period point to a systemic failure of safety management, not an accident: a red flag. From
    -- five deaths the severity (5, 3, 5) reaches the actual-severe cap (E).
    { id = "labour.ohs.fatalities_multiple", title = "Several work-related fatalities in one year",
      duties = { "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.01", "CSDDD.A11", "IRMA.3.2", "ICMM.P5" },
      severity = { scale = 5, scope = 2, irremediable = 5 }, likelihood = 5,
      red_flag = true, impact = "actual", group = "fatalities",
      action = "Require an independent safety audit of all sites within 60 days, the root-cause "
          .. "investigation of each death shared with worker representatives, compensation of the "
          .. "families, and a dated safety improvement plan; suspend new business until the audit "
          .. "confirms that critical controls work.",
      reads = { "labour.ohs.fatalities" },
      details = { count = "%g fatalities in the reporting period." },
      when = function(a)
        local n = util.num(a, "labour.ohs.fatalities")
        if n and n >= 3 then
          return { scope = n >= 20 and 4 or n >= 5 and 3 or 2,
                   detail = { "count", n } }
        end
      end },

    -- Severity: scale 4 (serious injury), scope 3, irremediable 4 (permanent disability). Likelihood 3
    -- for a missing committee; 4 when the injury rate is also high.
    { id = "labour.ohs.weak_system", title = "Weak occupational health and safety management",
      duties = { "CSDDD.ANX.I1.06", "CSDDD.A10" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 3,
      impact = "potential",
      action = "Require a joint health and safety committee with elected worker members and task-level risk "
          .. "assessments; where the LTIFR exceeds 5, require an injury-reduction plan and quarterly "
          .. "statistics.",
      reads = { "labour.ohs.committee", "labour.ohs.ltifr" },
      when = function(a)
        local weak = util.is(a, "labour.ohs.committee", "no", "unknown")
        local ltifr = util.num(a, "labour.ohs.ltifr")
        local high = ltifr ~= nil and ltifr > 5
        if weak and high then return { likelihood = 4 } end
        if weak or high then return true end
      end },

    -- Severity: scale 3 (adequate standard of living), scope 4 (affects the whole lowest-paid group),
    -- irremediable 2. Likelihood 3: without an assessment, a gap is common in high-risk sourcing countries.
    { id = "labour.wage.living_wage_unassessed", title = "Living wage not assessed",
      duties = { "CSDDD.ANX.I1.06", "CSDDD.A08" },
      severity = { scale = 3, scope = 4, irremediable = 2 }, likelihood = 3,
      impact = "potential",
      action = "Ask for a living-wage gap assessment against a named benchmark within six months, and review "
          .. "your own prices and payment terms so that they allow the gap to close.",
      reads = { "labour.wage.living_wage_gap" },
      when = function(a)
        return util.is(a, "labour.wage.living_wage_gap", "no", "unknown")
      end },

    -- Severity: scale 4 (freedom of association is an enabling right; retaliation silences all other
    -- complaints), scope 3, irremediable 3. Likelihood 5 when confirmed, 3 when alleged.
    { id = "labour.foa.retaliation_found", title = "Retaliation against union members or organisers",
      duties = { "CSDDD.ANX.I1.13", "CSDDD.A11", "UNGP.GP22" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "actual",
      action = "Require reinstatement or compensation of the workers concerned, a written non-retaliation "
          .. "commitment communicated to all workers, and a meeting with the union or worker "
          .. "representatives; allegations must be investigated independently within 60 days.",
      reads = { "labour.foa.retaliation" },
      when = function(a)
        local r = a["labour.foa.retaliation"]
        if r == "confirmed" then return { likelihood = 5 } end
        if r == "alleged" then return true end
      end },

    -- Severity: scale 3, scope 3, irremediable 2: without representation, workers lack a safe channel,
    -- which raises the likelihood of every other labour abuse. Likelihood 3.
    { id = "labour.foa.no_voice", title = "No worker representation",
      duties = { "CSDDD.ANX.I1.13", "CSDDD.A13" },
      severity = { scale = 3, scope = 3, irremediable = 2 }, likelihood = 3,
      impact = "potential",
      action = "Ask the supplier to state publicly that workers are free to organise, and to support a freely "
          .. "elected worker committee where the law restricts unions; check within 12 months.",
      reads = { "labour.foa.representation" },
      when = function(a)
        return util.is(a, "labour.foa.representation", "none", "unknown")
      end },

    -- Severity: scale 4 (migrant workers are the group most exposed to forced labour), scope 3,
    -- irremediable 3. Likelihood 3; 4 when migrants are more than a quarter of the workforce.
    { id = "labour.migrant.recruitment_unmanaged", title = "Migrant worker recruitment not managed",
      duties = { "CSDDD.ANX.I1.11", "CSDDD.A10" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential", group = "forced_labour", risks = { "forced_labour" },
      action = "Map every labour agent in the sending and receiving countries, adopt and contract the Employer "
          .. "Pays principle, and interview a sample of migrant workers about fees and documents within "
          .. "six months.",
      reads = { "labour.migrant.share", "labour.migrant.recruitment" },
      when = function(a)
        local share = util.num(a, "labour.migrant.share")
        if share and share > 0 and util.is(a, "labour.migrant.recruitment", "no", "unknown", "partial") then
          if share > 25 then return { likelihood = 4 } end
          return true
        end
      end },

    -- Severity: scale 4 (sexual violence and harassment harm health and dignity lastingly), scope 3,
    -- irremediable 4. Likelihood 3: without prevention in sites and camps, where workforces are
    -- mostly male and far from home, such violence is common and unreported.
    { id = "labour.gbvh.unprevented",
      title = "No prevention of gender-based violence and harassment at sites and camps",
      duties = { "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.14", "CSDDD.ANX.I2.CEDAW", "IRMA.3.1" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 3,
      impact = "potential", group = "gbvh",
      action = "Ask for a gender-based violence and harassment risk assessment of sites and camps, a "
          .. "confidential channel with women handlers and survivor support, within six months.",
      reads = { "labour.gbvh.prevention" },
      when = function(a)
        return util.lacking(a, "labour.gbvh.prevention")
      end },

    -- Severity: as above (4, 3, 4). Likelihood 5: cases were reported and nothing was done, so the
    -- harm is actual and the perpetrators may still be in place.
    { id = "labour.gbvh.open_cases", title = "Reported gender-based violence or harassment not investigated",
      duties = { "CSDDD.ANX.I1.06", "CSDDD.ANX.I1.14", "CSDDD.A11", "UNGP.GP22" },
      severity = { scale = 4, scope = 3, irremediable = 4 }, likelihood = 5,
      impact = "actual", group = "gbvh",
      action = "Require an independent investigation of every open case within 30 days, protection and "
          .. "support for the survivors chosen with them, and sanctions against those responsible.",
      reads = { "labour.gbvh.cases" },
      when = function(a)
        return a["labour.gbvh.cases"] == "open"
      end },

    -- Severity: scale 3 (holding documents restricts the freedom to leave, even when access is
    -- promised), scope 3, irremediable 2 (documents can be returned). Likelihood 3: the ILO and the
    -- RBA Code treat employer custody of identity documents as a risk of forced labour, whatever the
    -- stated purpose. Part of the forced-labour group.
    { id = "labour.forced.documents_held", title = "Identity documents held by the employer",
      duties = { "CSDDD.ANX.I1.11", "RBA.A1" },
      severity = { scale = 3, scope = 3, irremediable = 2 }, likelihood = 3,
      impact = "potential", group = "forced_labour",
      action = "Return every document to its owner and offer personal lockable storage instead; check "
          .. "in worker interviews within 60 days that no document is held, whatever the reason.",
      reads = { "labour.forced.documents_retained" },
      when = function(a)
        return a["labour.forced.documents_retained"] == "safekeeping"
      end },

    -- Severity: scale 4 (recruitment debt is the most common route into forced labour for migrant
    -- workers), scope 4 (a majority of the workforce), irremediable 3. Likelihood 4: nobody checked
    -- whether workers paid fees where most workers are migrants. The inability to rule the risk out
    -- is the finding: the rule fires on "unknown" in that context.
    { id = "labour.recruitment_fees.unchecked", title = "Recruitment fees not checked for a mostly migrant workforce",
      duties = { "CSDDD.ANX.I1.11", "CSDDD.A08", "RBA.A1" },
      severity = { scale = 4, scope = 4, irremediable = 3 }, likelihood = 4,
      impact = "potential", group = "forced_labour", risks = { "forced_labour" },
      action = "Within 90 days, interview a representative sample of migrant workers about fees and "
          .. "costs paid to agents at home and on arrival, and commit to repaying every worker in full "
          .. "(Employer Pays principle).",
      reads = { "labour.migrant.share", "labour.recruitment_fees.paid_by_workers" },
      when = function(a)
        local share = util.num(a, "labour.migrant.share")
        return share ~= nil and share >= 50 and a["labour.recruitment_fees.paid_by_workers"] == "unknown"
      end },
  },

  tests = {
    { name = "two forced-labour indicators are a red flag",
      answers = { ["labour.recruitment_fees.paid_by_workers"] = "yes",
                  ["labour.forced.documents_retained"] = "yes" },
      expect = { findings = { "labour.forced.indicators" }, absent = { "labour.forced.indicator" },
                 red_flag = true } },
    { name = "imposed overtime counts as an indicator",
      answers = { ["labour.forced.debt_bondage"] = "yes", ["labour.hours.over60_share"] = 30,
                  ["labour.hours.policy"] = "partial", ["labour.hours.overtime_voluntary"] = "no" },
      expect = { findings = { "labour.forced.indicators", "labour.hours.excessive" } } },
    { name = "long hours that workers can refuse are no forced-labour indicator",
      answers = { ["labour.recruitment_fees.paid_by_workers"] = "no", ["labour.forced.documents_retained"] = "no",
                  ["labour.forced.movement_restricted"] = "no", ["labour.forced.debt_bondage"] = "no",
                  ["labour.hours.over60_share"] = 30, ["labour.hours.policy"] = "partial",
                  ["labour.hours.overtime_voluntary"] = "yes" },
      expect = { findings = { "labour.hours.excessive" },
                 absent = { "labour.forced.indicator", "labour.forced.indicators" } } },
    { name = "passports held for safekeeping are a finding",
      answers = { ["labour.forced.documents_retained"] = "safekeeping" },
      expect = { findings = { "labour.forced.documents_held" } } },
    { name = "recruitment fees unknown with a majority of migrant workers",
      answers = { ["labour.recruitment_fees.paid_by_workers"] = "unknown", ["labour.migrant.share"] = 70,
                  ["labour.migrant.recruitment"] = "partial" },
      expect = { findings = { "labour.recruitment_fees.unchecked" },
                 info = { "labour.forced.indicator" } } },
    { name = "no prevention of gender-based violence at camps",
      answers = { ["labour.gbvh.prevention"] = "no", ["labour.gbvh.cases"] = "none_reported" },
      expect = { findings = { "labour.gbvh.unprevented" }, absent = { "labour.gbvh.open_cases" } } },
    { name = "reported harassment not investigated",
      answers = { ["labour.gbvh.prevention"] = "partial", ["labour.gbvh.cases"] = "open" },
      expect = { findings = { "labour.gbvh.open_cases" }, absent = { "labour.gbvh.unprevented" } } },
    { name = "five deaths in a year are a red flag",
      answers = { ["labour.ohs.fatalities"] = 5, ["labour.ohs.ltifr"] = 6, ["labour.ohs.committee"] = "yes" },
      expect = { findings = { "labour.ohs.fatality", "labour.ohs.fatalities_multiple", "labour.ohs.weak_system" },
                 red_flag = true } },
    { name = "one indicator is a finding but not a red flag",
      answers = { ["labour.forced.movement_restricted"] = "yes", ["labour.forced.documents_retained"] = "no",
                  ["labour.recruitment_fees.paid_by_workers"] = "reimbursed" },
      expect = { findings = { "labour.forced.indicator" }, absent = { "labour.forced.indicators" },
                 red_flag = false } },
    { name = "no forced-labour indicator, no forced-labour finding",
      answers = { ["labour.recruitment_fees.paid_by_workers"] = "no",
                  ["labour.forced.documents_retained"] = "safekeeping",
                  ["labour.forced.movement_restricted"] = "no", ["labour.forced.debt_bondage"] = "no",
                  ["labour.hours.over60_share"] = 20, ["labour.hours.policy"] = "yes" },
      expect = { absent = { "labour.forced.indicators", "labour.forced.indicator" } } },
    { name = "child labour found without remediation is a red flag",
      answers = { ["labour.child.found"] = "yes_supply_chain", ["labour.child.remediation"] = "partial" },
      expect = { findings = { "labour.child.unremediated" }, red_flag = true } },
    { name = "child labour found and remediated is not a red flag",
      answers = { ["labour.child.found"] = "yes_own", ["labour.child.remediation"] = "yes" },
      expect = { absent = { "labour.child.unremediated" }, red_flag = false } },
    { name = "under-18s in hazardous work",
      answers = { ["labour.child.hazardous_under18"] = "yes" },
      expect = { findings = { "labour.child.hazardous" }, red_flag = true } },
    { name = "young workers kept out of hazardous work",
      answers = { ["labour.child.hazardous_under18"] = "no", ["labour.child.minimum_age"] = 16,
                  ["labour.child.age_verification"] = "yes" },
      expect = { absent = { "labour.child.hazardous", "labour.child.age_controls" } } },
    { name = "hiring age below 15",
      answers = { ["labour.child.minimum_age"] = 14, ["labour.child.age_verification"] = "yes" },
      expect = { findings = { "labour.child.age_controls" } } },
    { name = "no age verification",
      answers = { ["labour.child.age_verification"] = "unknown", ["labour.child.minimum_age"] = 16 },
      expect = { findings = { "labour.child.age_controls" } } },
    { name = "hours policy in place and nobody above 60 hours",
      answers = { ["labour.hours.over60_share"] = 0, ["labour.hours.policy"] = "yes" },
      expect = { absent = { "labour.hours.excessive" } } },
    { name = "a few workers above 60 hours without a policy",
      answers = { ["labour.hours.over60_share"] = 3, ["labour.hours.policy"] = "partial" },
      expect = { findings = { "labour.hours.excessive" }, absent = { "labour.forced.indicators" } } },
    { name = "a fatality is an actual impact",
      answers = { ["labour.ohs.fatalities"] = 2, ["labour.ohs.committee"] = "yes", ["labour.ohs.ltifr"] = 0.8 },
      expect = { findings = { "labour.ohs.fatality" }, absent = { "labour.ohs.weak_system" } } },
    { name = "no fatality, high injury rate",
      answers = { ["labour.ohs.fatalities"] = 0, ["labour.ohs.ltifr"] = 7.5, ["labour.ohs.committee"] = "no" },
      expect = { findings = { "labour.ohs.weak_system" }, absent = { "labour.ohs.fatality" } } },
    { name = "living wage not assessed",
      answers = { ["labour.wage.living_wage_gap"] = "no" },
      expect = { findings = { "labour.wage.living_wage_unassessed" } } },
    { name = "living wage gap assessed",
      answers = { ["labour.wage.living_wage_gap"] = "partial" },
      expect = { absent = { "labour.wage.living_wage_unassessed" } } },
    { name = "confirmed retaliation against union organisers",
      answers = { ["labour.foa.retaliation"] = "confirmed", ["labour.foa.representation"] = "union" },
      expect = { findings = { "labour.foa.retaliation_found" }, absent = { "labour.foa.no_voice" } } },
    { name = "no representation, no retaliation reported",
      answers = { ["labour.foa.retaliation"] = "none", ["labour.foa.representation"] = "none" },
      expect = { findings = { "labour.foa.no_voice" }, absent = { "labour.foa.retaliation_found" } } },
    { name = "migrant workers recruited without controls",
      answers = { ["labour.migrant.share"] = 40, ["labour.migrant.recruitment"] = "no" },
      expect = { findings = { "labour.migrant.recruitment_unmanaged" } } },
    { name = "no migrant workers",
      answers = { ["labour.migrant.share"] = 0, ["labour.migrant.recruitment"] = "na" },
      expect = { absent = { "labour.migrant.recruitment_unmanaged" } } },
  },
}
