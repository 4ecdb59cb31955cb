-- hrd.lua: human rights defenders (HRDs), retaliation and strategic lawsuits against public
-- participation (SLAPPs).
--
-- Method notes for reviewers:
-- * "Defenders" means anyone who acts peacefully to promote or protect human rights or the
--   environment: community leaders, indigenous representatives, trade unionists, journalists, NGO
--   staff, lawyers, whistleblowers and complainants (UN Declaration on Human Rights Defenders, 1998).
-- * The CSDDD has no stand-alone defenders item. The duties cited are the protection of stakeholders
--   and complainants from retaliation (Arts 13 and 14), freedom of association and assembly (Annex
--   Part I item 13), life and security of person (items 1 to 3), the UNGP effectiveness criteria for
--   grievance mechanisms (GP31, in particular accessibility without fear of reprisal). Freedom of
--   expression enters the CSDDD only through the Annex Part I Section 2 gateway (ICCPR 19), so it is
--   cited as CSDDD.ANX.I2.ICCPR, not as a Section 1 item.
-- * A lawsuit or legal threat against critics is treated as SLAPP-like conduct. The rule does not
--   decide whether a claim is abusive in law (that is for a court, and under Directive (EU) 2024/1069
--   in cross-border civil cases); it flags conduct that chills public participation and asks for
--   review.

local util = require "util"

return module {
  id = "hrd",
  title = "Human rights defenders and SLAPPs",
  version = "1.0.0",
  description = [[
How the supplier treats people who raise concerns about its operations: public commitment not to
tolerate attacks on human rights defenders, protection of complainants from retaliation, lawsuits or
legal threats against critics (SLAPP-like conduct), threats and attacks on defenders around its
operations, and engagement with defenders as stakeholders.]],

  questions = {
    { id = "hrd.commitment", kind = "maturity", weight = 3, required = true, evidence = true,
      section = "Commitment",
      text = "Have you publicly committed not to tolerate threats, intimidation, attacks or legal harassment "
          .. "against human rights and environmental defenders, and to expect the same of your business "
          .. "partners and security providers?",
      help = "Yes: a public policy or statement, approved by senior management, that names defenders "
          .. "(including community leaders, union representatives, journalists and NGO staff), commits to "
          .. "zero tolerance of attacks and of legal action meant to silence them, and is written into "
          .. "contracts with security providers and key partners. Partial: a general human rights policy "
          .. "that does not mention defenders, or a commitment that is not public. No: none. Cite the "
          .. "policy URL.",
      duties = { "UNGP.GP16", "CSDDD.A07", "CSDDD.A13" } },

    { id = "hrd.lawsuits", kind = "choice", weight = 3, required = true,
      section = "Legal action against critics",
      text = "In the last five years, has your company, or anyone acting for it, sued or threatened to sue, or "
          .. "filed a criminal complaint against, a journalist, NGO, researcher, community member, union "
          .. "representative or other critic because of their public statements, reporting, campaigning "
          .. "or protest?",
      help = "Count defamation, damages and injunction claims, criminal complaints, and lawyers' letters "
          .. "threatening them, where the claim arises from criticism, reporting, protest or a complaint "
          .. "about your operations. Do not count ordinary commercial disputes. 'threatened' means a legal "
          .. "threat was made but no case filed. 'filed' means at least one case was filed, whatever its "
          .. "outcome. List the cases in the comment (parties may be anonymised; mark it confidential if "
          .. "needed).",
      options = {
        { value = "no", label = "No such action or threat", score = 1 },
        { value = "threatened", label = "Legal action threatened", score = 0 },
        { value = "filed", label = "Legal action filed", score = 0 },
      },
      duties = { "CSDDD.A13", "CSDDD.ANX.I1.13", "CSDDD.ANX.I2.ICCPR", "UNGP.GP31.a" } },

    { id = "hrd.retaliation", kind = "choice", weight = 3, required = true,
      section = "Retaliation",
      text = "In the last three years, has anyone alleged that your company or its contractors retaliated "
          .. "against a complainant, whistleblower or critic (dismissal, blacklisting, surveillance, "
          .. "threats, reports to the police)?",
      help = "'investigated' means the allegation was investigated by someone independent of the managers "
          .. "concerned and closed, with remedy where it was upheld (cite the outcome). 'open' means an "
          .. "allegation is unresolved or was not investigated. 'confirmed' means retaliation was found "
          .. "to have happened and the person has not been restored (reinstated, compensated, protected).",
      options = {
        { value = "none", label = "No allegations", score = 1 },
        { value = "investigated", label = "Allegations independently investigated and closed", score = 0.75 },
        { value = "open", label = "Allegations open or not investigated", score = 0.25 },
        { value = "confirmed", label = "Retaliation confirmed, not remedied", score = 0 },
      },
      duties = { "CSDDD.A13", "CSDDD.A14", "UNGP.GP31.b" } },

    { id = "hrd.threats_nearby", kind = "choice", weight = 2, required = true,
      section = "Defenders around operations",
      text = "Do you monitor threats, attacks, killings or arbitrary arrests of defenders active around your "
          .. "sites or sourcing areas, and were any reported in the last three years?",
      help = "Use local sources (defender networks, NGOs, the Business & Human Rights Resource Centre "
          .. "tracker, UN special procedures). 'none_reported' requires that you do monitor; 'reported' "
          .. "means at least one incident was reported, whoever the alleged perpetrator; 'not_monitored' "
          .. "means you do not check. Reports about your own staff or contractors must also be answered "
          .. "in the retaliation question. The score rewards monitoring, not the absence of incidents that "
          .. "others caused; your response is scored in the next question.",
      options = {
        { value = "none_reported", label = "Monitored, none reported", score = 1 },
        { value = "reported", label = "Monitored, incidents reported", score = 1 },
        { value = "not_monitored", label = "Not monitored", score = 0 },
      },
      duties = { "CSDDD.A08", "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.03", "UNGP.GP18" } },

    { id = "hrd.response", kind = "maturity", weight = 2, evidence = true,
      na_when = { ["hrd.threats_nearby"] = "none_reported" },
      section = "Defenders around operations",
      text = "When defenders near your operations were threatened or attacked, did you respond?",
      help = "Yes: for every reported incident you consulted the defender (or their organisation) on what "
          .. "would help, used your leverage (for example a public statement, raising it with the "
          .. "authorities, instructing security providers), and recorded the outcome. Partial: some "
          .. "incidents, or private steps only where the defender asked for public support. No: no "
          .. "response. na: only when you monitor and no incident was reported.",
      duties = { "UNGP.GP19", "CSDDD.A10", "CSDDD.A13" } },

    { id = "hrd.engagement", kind = "maturity", weight = 2, evidence = true,
      section = "Engagement",
      text = "Do you engage with defenders, unions and civil society organisations as stakeholders, on terms "
          .. "that are safe for them?",
      help = "Yes: defenders and their organisations are invited to consultations on impacts and plans, can "
          .. "take part anonymously or through a trusted intermediary, and their information is kept "
          .. "confidential; cite meeting records (anonymised). Partial: occasional meetings, or only "
          .. "with groups that support the project. No: no engagement.",
      duties = { "CSDDD.A13", "UNGP.GP18", "UNGP.GP31.h" } },

    { id = "hrd.grievance_protection", kind = "maturity", weight = 2, evidence = true,
      section = "Engagement",
      text = "Does your grievance or whistleblowing channel protect complainants from retaliation?",
      help = "Yes: anonymous submission possible, identity shared only with consent, a written non-retaliation "
          .. "rule that covers contractors and security staff, and follow-up with complainants some "
          .. "months after closure to check that they have not suffered reprisals. Partial: some of these. "
          .. "No: none.",
      duties = { "CSDDD.A14", "UNGP.GP31.b", "UNGP.GP31.d" } },
  },

  rules = {
    -- Severity: scale 4 (a lawsuit or threat silences public participation and can ruin individuals and
    -- small organisations), scope 3 (it chills every other critic too), irremediable 3 (costs, stress
    -- and self-censorship are hard to undo). Likelihood 4: the supplier reports the conduct itself; it
    -- is not 5 because a claim may be well founded, which only a court can decide.
    { id = "hrd.slapp", title = "Legal action or threats against critics (SLAPP-like conduct)",
      duties = { "CSDDD.A13", "CSDDD.ANX.I1.13", "CSDDD.ANX.I2.ICCPR", "UNGP.GP31.a" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 4,
      red_flag = true, impact = "actual", group = "retaliation",
      action = "Ask the supplier to review every case with independent counsel against the Anti-SLAPP "
          .. "Directive (EU) 2024/1069 and Council of Europe Recommendation CM/Rec(2024)2 safeguards, to "
          .. "withdraw claims that target public participation, and to adopt a public commitment not to "
          .. "use legal action against critics; discuss the outcome with the defendants' organisations.",
      reads = { "hrd.lawsuits" },
      details = { filed = "Legal action against critics was filed",
                  threatened = "Legal action against critics was threatened" },
      when = function(a)
        local v = a["hrd.lawsuits"]
        if v == "filed" then return { detail = { "filed" } } end
        if v == "threatened" then return { detail = { "threatened" } } end
      end },

    -- Severity: scale 4 (retaliation punishes people for using the channels the CSDDD requires and
    -- may cost them their livelihood or safety), scope 3 (it deters every other complainant),
    -- irremediable 3. Likelihood 5: retaliation is confirmed and not remedied.
    { id = "hrd.retaliation_confirmed", title = "Retaliation against complainants or critics",
      duties = { "CSDDD.A13", "CSDDD.A14", "CSDDD.A11", "UNGP.GP31.b" },
      severity = { scale = 4, scope = 3, irremediable = 3 }, likelihood = 5,
      red_flag = true, impact = "actual", group = "retaliation",
      action = "Require the supplier to restore the persons affected (reinstatement, compensation, protection "
          .. "measures chosen with them), discipline those responsible, and confirm in writing that no "
          .. "further reprisals will occur; follow up with the persons affected through a trusted "
          .. "intermediary within 60 days.",
      reads = { "hrd.retaliation" },
      when = function(a)
        return a["hrd.retaliation"] == "confirmed"
      end },

    -- Severity: scale 3, scope 3, irremediable 3: an open allegation may hide ongoing reprisals.
    -- Likelihood 3: alleged but not established.
    { id = "hrd.retaliation_open", title = "Retaliation allegations not investigated",
      duties = { "CSDDD.A14", "UNGP.GP31.a", "UNGP.GP31.c" },
      severity = { scale = 3, scope = 3, irremediable = 3 }, likelihood = 3,
      impact = "potential", group = "retaliation",
      action = "Ask for an independent investigation of each open allegation within 60 days, with protection "
          .. "of the complainant during the investigation, and for the outcome to be shared with the "
          .. "complainant.",
      reads = { "hrd.retaliation" },
      when = function(a)
        return a["hrd.retaliation"] == "open"
      end },

    -- Severity: scale 5 (defenders' lives and liberty), scope 2, irremediable 5 (killings, lasting harm).
    -- Likelihood 3: incidents are reported near the operations but the supplier's link is not
    -- established; likelihood 2 when the supplier responded in part.
    { id = "hrd.threats_unanswered", title = "Threats to defenders near operations without a response",
      duties = { "CSDDD.ANX.I1.01", "CSDDD.ANX.I1.03", "CSDDD.A10", "UNGP.GP19" },
      severity = { scale = 5, scope = 2, irremediable = 5 }, likelihood = 3,
      impact = "potential",
      action = "Ask the supplier to contact the defenders concerned (directly or through their organisations), "
          .. "agree protective steps with them, instruct its security providers, and raise the incidents "
          .. "with the authorities where the defenders agree; report back within 30 days.",
      reads = { "hrd.threats_nearby", "hrd.response" },
      when = function(a)
        if a["hrd.threats_nearby"] ~= "reported" then return nil end
        local r = a["hrd.response"]
        if r == "partial" then return { likelihood = 2 } end
        if r ~= "yes" then return true end
      end },

    -- Severity: scale 3, scope 2, irremediable 2: no direct harm, but complainants and critics are
    -- unprotected. Likelihood 3.
    { id = "hrd.no_protection", title = "No commitment or safeguards for defenders and complainants",
      duties = { "UNGP.GP16", "CSDDD.A13", "CSDDD.A14" },
      severity = { scale = 3, scope = 2, irremediable = 2 }, likelihood = 3,
      impact = "potential",
      action = "Ask the supplier to adopt a public commitment on defenders and written non-retaliation "
          .. "safeguards in its grievance channel within six months.",
      reads = { "hrd.commitment", "hrd.grievance_protection" },
      when = function(a)
        return util.is(a, "hrd.commitment", "no", "unknown")
            and util.is(a, "hrd.grievance_protection", "no", "unknown", "partial")
      end },
  },

  tests = {
    { name = "a lawsuit against critics is a red flag",
      answers = { ["hrd.lawsuits"] = "filed", ["hrd.commitment"] = "yes" },
      expect = { findings = { "hrd.slapp" }, red_flag = true } },
    { name = "a legal threat against critics is a red flag",
      answers = { ["hrd.lawsuits"] = "threatened" },
      expect = { findings = { "hrd.slapp" } } },
    { name = "no legal action against critics",
      answers = { ["hrd.lawsuits"] = "no", ["hrd.retaliation"] = "investigated" },
      expect = { absent = { "hrd.slapp", "hrd.retaliation_confirmed", "hrd.retaliation_open" },
                 red_flag = false } },
    { name = "confirmed retaliation is a red flag",
      answers = { ["hrd.retaliation"] = "confirmed" },
      expect = { findings = { "hrd.retaliation_confirmed" }, absent = { "hrd.retaliation_open" },
                 red_flag = true } },
    { name = "open allegation of retaliation",
      answers = { ["hrd.retaliation"] = "open" },
      expect = { findings = { "hrd.retaliation_open" }, absent = { "hrd.retaliation_confirmed" },
                 red_flag = false } },
    { name = "threats to defenders without a response",
      answers = { ["hrd.threats_nearby"] = "reported", ["hrd.response"] = "no" },
      expect = { findings = { "hrd.threats_unanswered" } } },
    { name = "threats to defenders answered",
      answers = { ["hrd.threats_nearby"] = "reported", ["hrd.response"] = "yes" },
      expect = { absent = { "hrd.threats_unanswered" } } },
    { name = "no threats reported",
      answers = { ["hrd.threats_nearby"] = "none_reported", ["hrd.response"] = "na" },
      expect = { absent = { "hrd.threats_unanswered" } } },
    { name = "no commitment and no safeguards",
      answers = { ["hrd.commitment"] = "no", ["hrd.grievance_protection"] = "partial" },
      expect = { findings = { "hrd.no_protection" } } },
    { name = "commitment in place",
      answers = { ["hrd.commitment"] = "yes", ["hrd.grievance_protection"] = "no" },
      expect = { absent = { "hrd.no_protection" } } },
  },
}
