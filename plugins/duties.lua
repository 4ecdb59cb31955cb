-- luacheck: no max line length
-- diligo duty catalogue: the provisions that questions and rules cite.
--
-- Sources (paraphrased in our own words; nothing here is a quotation):
--   UNGP   UN Guiding Principles on Business and Human Rights (HR/PUB/11/04, 2011), GP1-31 and
--          the eight effectiveness criteria of GP31.
--   CSDDD  Directive (EU) 2024/1760, as amended by Directive (EU) 2025/794 ("stop-the-clock") and by
--          the Omnibus I amending directive (agreed December 2025, approved by the Council in
--          February 2026). Two regimes, below: the Directive as amended by Omnibus I (the default)
--          and the 2024 text (--regime csddd-2024). Entries that differ carry a `regimes` table.
--   OECD   Due Diligence Guidance for Responsible Business Conduct (2018), six steps; Due Diligence
--          Guidance for Responsible Supply Chains of Minerals from CAHRAs (3rd ed. 2016), five steps
--          and the Annex II model policy; OECD Guidelines for Multinational Enterprises on
--          Responsible Business Conduct (2023 update), chapters on the environment and on bribery.
--   Sector standards: GISTM (2020), ICMM Mining Principles, IRMA-STD-001 v1.0 (2018), VPSHR (2000),
--          the International Code of Conduct for Private Security Service Providers (ICoC), IFC
--          Performance Standards (2012), ILO C169, RBA Code of Conduct v8.0, EITI Standard 2023.
--
-- verified: how each entry's wording and numbering were checked, shown in the Duties sheet and
-- counted in the Method sheet:
--   "official text"     against the official text of the instrument;
--   "secondary source"  against a reliable secondary source that reproduces or summarises it
--                       (named in `source`);
--   "not verified"      written from knowledge of the instrument; check before relying on it.
-- A table's rows take its block's value unless a row gives its own (fifth field) and source (sixth).
--
-- status values:
--   "in force"  binding law in force, or an intergovernmental standard currently endorsed and
--               applicable as written (the UNGPs, Human Rights Council resolution 17/4).
--               For the CSDDD: in force since 25 July 2024; company obligations apply later.
--   "guidance"  voluntary guidance or an industry / multi-stakeholder standard.
--   "deleted"   removed by a later amendment; kept so that old questionnaires and reports resolve.
--   "proposed"  put forward but not adopted (none at present).
--
-- Duty areas: the `areas` list below is the one place they are declared (the engine reads it);
-- every entry's area must be one of them. Reports show one column per area in charts and the
-- heatmap.

local POL = "Policy & governance"
local RISK = "Risk identification"
local PREV = "Prevention & remediation"
local STAKE = "Stakeholders & grievance"
local LAB = "Labour rights"
local CIVIL = "Civil & political rights"
local LAND = "Land & communities"
local ENV = "Environment"
local SRC = "Responsible sourcing"
local TRANS = "Transparency"

local IN_FORCE = "in force"
local GUIDANCE = "guidance"

local entries = { areas = { POL, RISK, PREV, STAKE, LAB, CIVIL, LAND, ENV, SRC, TRANS } }

-- The legal regimes of the CSDDD that a run can apply (--regime). What concerns the buyer (scope,
-- penalties, liability, dates) is stated here for the Method sheet and docs; it never enters a
-- supplier's score. The differences for suppliers are in the entries' `regimes` tables.
entries.regimes = {
  { id = "csddd-omnibus", default = true,
    title = "CSDDD (Directive (EU) 2024/1760) as amended by Directive (EU) 2025/794 and by Omnibus I",
    verified = "secondary source: law-firm and NGO summaries of the agreed text (Dec 2025) and of its "
      .. "adoption; the amending directive's number, Official Journal reference and date are not verified",
    notes = {
      "Scope: EU companies with more than 5,000 employees and more than EUR 1.5 billion net worldwide turnover; non-EU companies with more than EUR 1.5 billion net turnover in the EU (2024 text: 1,000 employees and EUR 450 million).",
      "Identification (Art 8): a scoping exercise on reasonably available information to find where impacts are most likely and severe, then in-depth assessment there, instead of a comprehensive mapping; it can reach indirect partners.",
      "Climate transition plans (Art 22) are no longer a CSDDD obligation; greenhouse-gas questions cite the OECD Guidelines' environment chapter and sector standards instead.",
      "Civil liability: the EU-harmonised regime of Art 29 is removed; liability follows national law.",
      "Penalties: the maximum fine is capped at 3% of net worldwide turnover (2024 text: a maximum of at least 5%).",
      "Dates: transposition by 26 July 2028; application from July 2029 for all companies in scope.",
      "Not verified: the final wording on termination as a last resort, on the monitoring interval, on the definition of stakeholders and on limits to information requests to smaller partners.",
    } },
  { id = "csddd-2024",
    title = "CSDDD (Directive (EU) 2024/1760) as adopted in 2024, with the 2025 stop-the-clock amendment",
    verified = "secondary source: consolidated text on EUR-Lex (version of 17.4.2025) as summarised in the project's references",
    notes = {
      "Scope: EU companies with more than 1,000 employees and more than EUR 450 million net worldwide turnover; non-EU companies with more than EUR 450 million net turnover in the EU; franchising thresholds apply.",
      "Identification (Art 8): map own operations, subsidiaries and business partners, then assess in depth where impacts are most likely and severe.",
      "Climate transition plan (Art 22) in force: a plan compatible with limiting warming to 1.5 degrees C.",
      "Civil liability (Art 29): liability for damage caused by an intentional or negligent failure to comply with Arts 10 and 11, with a limitation period of at least five years.",
      "Penalties: the maximum fine is at least 5% of net worldwide turnover.",
      "Dates: transposition by 26 July 2027 and application in waves from 26 July 2028 (Directive (EU) 2025/794).",
    } },
}

local SECONDARY = "secondary source"
local UNVERIFIED = "not verified"

-- Adds one entry per row: { id, title, area, text [, verified [, source]] }; `extra` (optional)
-- maps ids to more fields (regimes).
local function add(framework, status, verified, rows, source, extra)
  for _, r in ipairs(rows) do
    local e = { id = r[1], framework = framework, title = r[2], area = r[3], text = r[4],
                status = status, verified = r[5] or verified, source = r[6] or source }
    for k, v in pairs(extra and extra[r[1]] or {}) do
      e[k] = v
    end
    entries[#entries + 1] = e
  end
end

-- UNGP Pillar I: the State duty to protect (GP1-10). Cited for context (for example by state-owned
-- suppliers and in conflict-affected areas); suppliers are not scored against them directly.
add("UNGP", IN_FORCE, UNVERIFIED, {
  { "UNGP.GP01", "State duty to protect", POL, "States must protect people against human rights abuse by third parties, businesses included, through policy, law, regulation and adjudication." },
  { "UNGP.GP02", "Expectations for domiciled business", POL, "States should make clear that businesses based in their territory are expected to respect human rights in all their operations." },
  { "UNGP.GP03", "State regulatory and policy functions", POL, "States should enforce and review laws requiring business to respect rights, give guidance, and encourage companies to communicate on their impacts." },
  { "UNGP.GP04", "State-business nexus", POL, "States should take additional steps where they own, control or substantially support enterprises, including through export credit agencies." },
  { "UNGP.GP05", "Privatised and contracted services", POL, "States keep their human rights obligations when they privatise or contract out services that may affect rights, and should oversee providers." },
  { "UNGP.GP06", "Commercial transactions of States", POL, "States should promote respect for human rights by the companies they do business with, for example in public procurement." },
  { "UNGP.GP07", "Conflict-affected areas", RISK, "States should help companies operating in conflict-affected areas to identify and address heightened risks of gross abuses." },
  { "UNGP.GP08", "Policy coherence", POL, "Government departments and agencies that shape business practice should be aware of and act in line with the State's human rights obligations." },
  { "UNGP.GP09", "Policy space in agreements", POL, "States should keep enough room in investment treaties and contracts to meet their human rights obligations." },
  { "UNGP.GP10", "Multilateral institutions", POL, "States acting in multilateral institutions should act consistently with their duty to protect human rights." },
})

-- UNGP Pillar II: the corporate responsibility to respect (GP11-24). The core of the method.
add("UNGP", IN_FORCE, UNVERIFIED, {
  { "UNGP.GP11", "Respect human rights", POL, "Companies should avoid infringing the human rights of others and address adverse impacts they are involved in." },
  { "UNGP.GP12", "Internationally recognised rights", POL, "The rights at stake are at least those of the International Bill of Human Rights and the ILO core labour standards, plus group-specific standards where relevant." },
  { "UNGP.GP13", "Cause, contribute, linkage", RISK, "Companies should avoid causing or contributing to impacts and seek to prevent or mitigate impacts linked to them through business relationships." },
  { "UNGP.GP14", "Scaled to size and severity", RISK, "The responsibility applies to every enterprise; the means used scale with its size and with the severity (scale, scope, irremediable character) of its impacts." },
  { "UNGP.GP15", "Policies and processes", POL, "Companies need a policy commitment, a human rights due diligence process and processes that enable remediation." },
  { "UNGP.GP16", "Policy commitment", POL, "The commitment is approved at the most senior level, informed by expertise, sets expectations for staff and partners, is public and is embedded in operations." },
  { "UNGP.GP17", "Human rights due diligence", RISK, "Companies should identify, prevent, mitigate and account for impacts they cause, contribute to or are linked to, on an ongoing basis." },
  { "UNGP.GP18", "Identify and assess impacts", RISK, "Impact assessment draws on human rights expertise and meaningful consultation with potentially affected groups." },
  { "UNGP.GP19", "Integrate and act", PREV, "Findings are integrated across functions and acted on according to the company's involvement and leverage, with ending the relationship considered responsibly." },
  { "UNGP.GP20", "Track effectiveness", PREV, "Companies verify whether their response works, using qualitative and quantitative indicators and feedback including from affected stakeholders." },
  { "UNGP.GP21", "Communicate", TRANS, "Companies should account externally for how they address impacts, formally where risks are severe, without endangering people or legitimate confidentiality." },
  { "UNGP.GP22", "Remediation", PREV, "Where a company caused or contributed to an impact it should provide for or cooperate in remediation through legitimate processes." },
  { "UNGP.GP23", "Issues of context", POL, "Companies comply with law and respect recognised rights, honour the principles where law conflicts, and treat the risk of gross abuses as a legal compliance issue." },
  { "UNGP.GP24", "Prioritise by severity", RISK, "When impacts cannot all be addressed at once, the most severe and those that delay would make irremediable come first." },
})

-- UNGP Pillar III: access to remedy (GP25-31) and the GP31 effectiveness criteria.
add("UNGP", IN_FORCE, UNVERIFIED, {
  { "UNGP.GP25", "Access to remedy", STAKE, "States must ensure that people harmed by business-related abuse have access to effective remedy." },
  { "UNGP.GP26", "State judicial mechanisms", STAKE, "States should make domestic courts effective for business-related abuse and reduce legal, practical and other barriers." },
  { "UNGP.GP27", "State non-judicial mechanisms", STAKE, "States should provide effective non-judicial grievance mechanisms, such as National Contact Points and human rights institutions." },
  { "UNGP.GP28", "Non-State mechanisms", STAKE, "States should make it easier to reach effective non-State grievance mechanisms." },
  { "UNGP.GP29", "Operational-level grievance mechanisms", STAKE, "Companies should set up or take part in effective operational-level grievance mechanisms for people and communities who may be affected." },
  { "UNGP.GP30", "Collaborative initiatives", STAKE, "Industry, multi-stakeholder and collaborative initiatives should make effective grievance mechanisms available." },
  { "UNGP.GP31", "Effectiveness criteria", STAKE, "Non-judicial grievance mechanisms should meet eight effectiveness criteria (a to h)." },
  { "UNGP.GP31.a", "Legitimate", STAKE, "Intended users trust the mechanism and it is accountable for handling cases fairly." },
  { "UNGP.GP31.b", "Accessible", STAKE, "All intended users know about it, and people facing barriers such as language, literacy, cost, distance or fear of reprisal get help to use it." },
  { "UNGP.GP31.c", "Predictable", STAKE, "The procedure is clear and known, with indicative timeframes, the types of process and outcome, and follow-up of implementation." },
  { "UNGP.GP31.d", "Equitable", STAKE, "Complainants have reasonable access to information, advice and expertise so they can take part on fair and informed terms." },
  { "UNGP.GP31.e", "Transparent", STAKE, "Parties are kept informed of progress and enough is published about performance to build confidence." },
  { "UNGP.GP31.f", "Rights-compatible", STAKE, "Outcomes and remedies are consistent with internationally recognised human rights." },
  { "UNGP.GP31.g", "Source of continuous learning", STAKE, "Lessons from cases are used to improve the mechanism and prevent future harm." },
  { "UNGP.GP31.h", "Based on engagement and dialogue", STAKE, "For operational-level mechanisms: users are consulted on design and performance, and dialogue is the means of resolving grievances." },
})

-- CSDDD Arts 5-16: the due diligence process. Where Omnibus I changed an article, the 2024
-- wording is under `regimes["csddd-2024"]`.
local CSDDD_2024 = {
  ["CSDDD.A08"] = { regimes = { ["csddd-2024"] = {
    text = "Map own operations, subsidiaries and business partners to find where impacts are most likely and severe, then assess those areas in depth." } } },
  ["CSDDD.A15"] = { regimes = { ["csddd-2024"] = {
    text = "Assess operations and partners periodically, at least every 12 months and after significant changes, using qualitative and quantitative indicators.",
    verified = SECONDARY } } },
  ["CSDDD.A22"] = { regimes = { ["csddd-2024"] = { status = IN_FORCE, title = "Combating climate change",
    text = "Adopt and put into effect a climate transition plan compatible with limiting warming to 1.5 degrees C and with climate neutrality by 2050." } } },
}
add("CSDDD", IN_FORCE, SECONDARY, {
  { "CSDDD.A05", "Due diligence", POL, "Companies carry out risk-based human rights and environmental due diligence through the steps set out in Articles 7 to 16." },
  { "CSDDD.A06", "Due diligence at group level", POL, "A parent company may carry out due diligence for its in-scope subsidiaries; each subsidiary remains responsible." },
  { "CSDDD.A07", "Policy and risk management", POL, "Adopt a due diligence policy, prepared with employees, holding the approach, a code of conduct for the group and business partners and the implementing processes; review it at least every 24 months." },
  { "CSDDD.A08", "Identify and assess impacts", RISK, "Identify, through a scoping exercise on reasonably available information, the areas where impacts are most likely and severe, then assess those areas in depth." },
  { "CSDDD.A09", "Prioritise impacts", RISK, "Where not all impacts can be handled at once, rank them by severity and likelihood and address the most severe and likely first." },
  { "CSDDD.A10", "Prevent potential impacts", PREV, "Prevent or mitigate potential impacts with action plans, cascaded contractual assurances with verification, investment, changed purchasing practices, SME support and, as a last resort, suspension." },
  { "CSDDD.A11", "Bring actual impacts to an end", PREV, "Stop actual impacts or, if that is not possible at once, minimise them, with corrective action plans, compensation where due and, as a last resort, suspension." },
  { "CSDDD.A12", "Remediation", PREV, "Provide remediation where the company caused or jointly caused an impact; where only a partner did, the company may use its influence to enable it." },
  { "CSDDD.A13", "Meaningful stakeholder engagement", STAKE, "Inform and consult affected stakeholders at the key stages of due diligence, remove barriers to taking part and protect them from retaliation." },
  { "CSDDD.A14", "Complaints and notification", STAKE, "Run a fair, public, accessible, predictable and transparent complaints procedure open to affected people, unions and relevant CSOs, plus a notification channel, with confidentiality and no retaliation." },
  { "CSDDD.A15", "Monitoring", PREV, "Assess operations and partners periodically and after significant changes, using indicators; the interval under Omnibus I is not verified (the 2024 text: at least every 12 months).", UNVERIFIED },
  { "CSDDD.A16", "Communicating", TRANS, "Publish an annual due diligence statement on the company website, unless already reporting under the CSRD." },
}, "EUR-Lex consolidated text of 17.4.2025, as summarised in the project's references; Omnibus I changes from secondary sources", CSDDD_2024)
add("CSDDD", "deleted", SECONDARY, {
  { "CSDDD.A22", "Combating climate change (deleted)", ENV, "Required a Paris-aligned climate transition plan; deleted by Omnibus I and kept for reference and for the 2024 regime." },
}, "Omnibus I summaries (Reclaim Finance, CLECAT, Dec 2025)", CSDDD_2024)

-- CSDDD Annex Part I Section 1: rights and prohibitions. Items 1-6 were checked against a
-- reproduction of the German text; items 7-16 are not verified. There is no separate
-- security-forces item: see 1 and 2.
add("CSDDD", IN_FORCE, UNVERIFIED, {
  { "CSDDD.ANX.I1.01", "Right to life", CIVIL, "No arbitrary deprivation of life, including killings by private or public security guarding company sites or staff that the company failed to instruct or control.", SECONDARY, "German text of the Annex as reproduced by mein.kiehl.de" },
  { "CSDDD.ANX.I1.02", "Prohibition of torture", CIVIL, "No torture or cruel, inhuman or degrading treatment, including by security forces working for the company.", SECONDARY, "German text of the Annex as reproduced by mein.kiehl.de" },
  { "CSDDD.ANX.I1.03", "Liberty and security of person", CIVIL, "People are not to be deprived of liberty or personal security arbitrarily.", SECONDARY, "German text of the Annex as reproduced by mein.kiehl.de" },
  { "CSDDD.ANX.I1.04", "Privacy", CIVIL, "No arbitrary or unlawful interference with privacy, family, home or correspondence, nor unlawful attacks on reputation.", SECONDARY, "German text of the Annex as reproduced by mein.kiehl.de" },
  { "CSDDD.ANX.I1.05", "Freedom of thought and religion", CIVIL, "No interference with freedom of thought, conscience and religion.", SECONDARY, "German text of the Annex as reproduced by mein.kiehl.de" },
  { "CSDDD.ANX.I1.06", "Just and favourable working conditions", LAB, "Fair and living wages, living income for the self-employed and smallholders, safe and healthy workplaces and reasonable working hours.", SECONDARY, "German text of the Annex as reproduced by mein.kiehl.de" },
  { "CSDDD.ANX.I1.07", "Housing, food, water at work", LAB, "Company-provided housing must be adequate, and workers must not be denied food, clothing, water and sanitation at work." },
  { "CSDDD.ANX.I1.08", "Rights of the child", LAB, "Children's best interests come first; they are protected from economic exploitation, hazardous work, sexual exploitation, abduction, sale and trafficking." },
  { "CSDDD.ANX.I1.09", "Child labour: minimum age", LAB, "No employment below the end of compulsory schooling and in any case below 15, save the narrow exceptions allowed by ILO C138." },
  { "CSDDD.ANX.I1.10", "Worst forms of child labour", LAB, "No slavery-like practices, sexual exploitation, illicit activities or hazardous work for anyone under 18 (ILO C182)." },
  { "CSDDD.ANX.I1.11", "Forced labour", LAB, "No forced or compulsory labour, subject to the exceptions of ILO C29." },
  { "CSDDD.ANX.I1.12", "Slavery and trafficking", LAB, "No slavery, serfdom or other domination and oppression at work, such as extreme exploitation or humiliation, and no human trafficking." },
  { "CSDDD.ANX.I1.13", "Freedom of association", LAB, "Workers may form and join unions, bargain collectively and strike without discrimination or retaliation." },
  { "CSDDD.ANX.I1.14", "Equal treatment in employment", LAB, "No unequal treatment in employment without a genuine job requirement, including unequal pay for work of equal value." },
  { "CSDDD.ANX.I1.15", "Environmental degradation harming people", ENV, "No measurable pollution, excessive water use, land degradation or deforestation that harms food bases, drinking water, sanitation, health, property or ecosystem services." },
  { "CSDDD.ANX.I1.16", "Land, resources and livelihoods", LAND, "People and communities are not to be deprived of land and resources that sustain them: no unlawful eviction or taking of land, forests or waters." },
})

-- CSDDD Annex Part I Section 2: instruments that open the gateway for unlisted rights
-- (Art 3(1)(c)(ii)). Not verified; whether ILO C155/C187 and IHL are listed is not known, so they
-- are left out.
add("CSDDD", IN_FORCE, UNVERIFIED, {
  { "CSDDD.ANX.I2", "Section 2 instruments (gateway)", CIVIL, "Rights not listed in Section 1 count where an instrument in Section 2 protects them, the company can abuse them and the harm was foreseeable." },
  { "CSDDD.ANX.I2.ICCPR", "ICCPR", CIVIL, "International Covenant on Civil and Political Rights, a Section 2 instrument." },
  { "CSDDD.ANX.I2.ICESCR", "ICESCR", LAB, "International Covenant on Economic, Social and Cultural Rights, a Section 2 instrument." },
  { "CSDDD.ANX.I2.GENOCIDE", "Genocide Convention", CIVIL, "Convention on the Prevention and Punishment of the Crime of Genocide, a Section 2 instrument." },
  { "CSDDD.ANX.I2.CAT", "Convention against Torture", CIVIL, "UN Convention against Torture and other cruel, inhuman or degrading treatment, a Section 2 instrument." },
  { "CSDDD.ANX.I2.ICERD", "ICERD", CIVIL, "Convention on the Elimination of All Forms of Racial Discrimination, a Section 2 instrument." },
  { "CSDDD.ANX.I2.CEDAW", "CEDAW", CIVIL, "Convention on the Elimination of All Forms of Discrimination against Women, a Section 2 instrument." },
  { "CSDDD.ANX.I2.CRC", "Convention on the Rights of the Child", LAB, "UN Convention on the Rights of the Child, a Section 2 instrument." },
  { "CSDDD.ANX.I2.CRPD", "CRPD", CIVIL, "Convention on the Rights of Persons with Disabilities, a Section 2 instrument." },
  { "CSDDD.ANX.I2.UNDRIP", "UNDRIP", LAND, "UN Declaration on the Rights of Indigenous Peoples, including consent before relocation and before projects on their lands (Arts 10 and 32)." },
  { "CSDDD.ANX.I2.MINORITIES", "Declaration on minorities", CIVIL, "UN Declaration on the rights of persons belonging to national, ethnic, religious and linguistic minorities." },
  { "CSDDD.ANX.I2.ILO", "ILO fundamental conventions", LAB, "The ILO fundamental conventions on forced labour, freedom of association, equal pay, non-discrimination and child labour (C29 and P29, C105, C87, C98, C100, C111, C138, C182)." },
})

-- CSDDD Annex Part II: environmental prohibitions and obligations. Items 1-5 checked against a
-- reproduction of the German text; 6-14 not verified, item 8 (Rotterdam) and the total of 14
-- least of all.
add("CSDDD", IN_FORCE, UNVERIFIED, {
  { "CSDDD.ANX.II.01", "Biodiversity (CBD)", ENV, "Avoid or minimise harm to biological diversity when using biological resources, including Cartagena and Nagoya Protocol duties.", SECONDARY, "German text of Annex Part II as reproduced by Klimaverbund.at" },
  { "CSDDD.ANX.II.02", "Trade in endangered species (CITES)", ENV, "No import or export of specimens of CITES-listed species without the required permit.", SECONDARY, "German text of Annex Part II as reproduced by Klimaverbund.at" },
  { "CSDDD.ANX.II.03", "Mercury-added products", ENV, "No manufacture, import or export of mercury-added products listed by the Minamata Convention (Annex A Part I).", SECONDARY, "German text of Annex Part II as reproduced by Klimaverbund.at" },
  { "CSDDD.ANX.II.04", "Mercury in manufacturing processes", ENV, "No use of mercury in the Minamata Annex B Part I processes after their phase-out dates.", SECONDARY, "German text of Annex Part II as reproduced by Klimaverbund.at" },
  { "CSDDD.ANX.II.05", "Mercury waste", ENV, "No treatment of mercury waste contrary to the Minamata Convention (Art 11(3)).", SECONDARY, "German text of Annex Part II as reproduced by Klimaverbund.at" },
  { "CSDDD.ANX.II.06", "Persistent organic pollutants", ENV, "No production or use of the chemicals listed in Annex A of the Stockholm Convention." },
  { "CSDDD.ANX.II.07", "POPs waste", ENV, "No environmentally unsound handling, collection, storage or disposal of POPs waste." },
  { "CSDDD.ANX.II.08", "Prior informed consent for chemicals", ENV, "Trade in Rotterdam Convention Annex III chemicals only under the prior informed consent procedure (that this is item 8 is not verified)." },
  { "CSDDD.ANX.II.09", "Ozone-depleting substances", ENV, "No production, consumption, import or export of controlled ozone-depleting substances under the Montreal Protocol." },
  { "CSDDD.ANX.II.10", "Hazardous waste exports (Basel)", ENV, "No export of hazardous or other wastes in breach of the Basel Convention, for example without consent or to countries that ban the import." },
  { "CSDDD.ANX.II.11", "World Heritage", ENV, "Do not damage natural sites protected under the World Heritage Convention." },
  { "CSDDD.ANX.II.12", "Wetlands (Ramsar)", ENV, "Conserve and use wisely the wetlands listed under the Ramsar Convention." },
  { "CSDDD.ANX.II.13", "Pollution from ships (MARPOL)", ENV, "No ship pollution prohibited by MARPOL 73/78." },
  { "CSDDD.ANX.II.14", "Marine dumping (UNCLOS)", ENV, "No pollution of the sea by dumping contrary to UNCLOS." },
})

-- OECD Due Diligence Guidance for Responsible Business Conduct (2018): six steps.
add("OECD", GUIDANCE, UNVERIFIED, {
  { "OECD.RBC.S1", "Embed RBC in policies and management", POL, "Adopt policies on responsible conduct, assign oversight and resources, and write expectations of suppliers into contracts." },
  { "OECD.RBC.S2", "Identify and assess impacts", RISK, "Scope broadly, assess significant risk areas in depth, determine cause, contribution or linkage, and prioritise by severity and likelihood." },
  { "OECD.RBC.S3", "Cease, prevent and mitigate", PREV, "Stop own contributions, carry out prevention and mitigation plans, use leverage and disengage responsibly only as a last resort." },
  { "OECD.RBC.S4", "Track implementation and results", PREV, "Follow up with indicators, audits or verification and stakeholder feedback." },
  { "OECD.RBC.S5", "Communicate", TRANS, "Disclose publicly how impacts are addressed and communicate with affected stakeholders." },
  { "OECD.RBC.S6", "Provide for or cooperate in remediation", PREV, "Provide for or cooperate in remedy through legitimate mechanisms and judicial or non-judicial processes." },
})

-- OECD Minerals Guidance (CAHRAs): five steps and Annex II risk categories (paragraph numbers are
-- not used: they are not verified).
add("OECD", GUIDANCE, UNVERIFIED, {
  { "OECD.MIN.S1", "Strong management systems", SRC, "Adopt an Annex II-consistent supply chain policy, management structure, chain-of-custody controls, supplier engagement and a grievance mechanism." },
  { "OECD.MIN.S2", "Identify and assess supply chain risk", SRC, "Check red flags of origin, transit and suppliers, map the chain to smelters and refiners, and assess risks against Annex II." },
  { "OECD.MIN.S3", "Respond to identified risks", SRC, "Report to senior management and adopt a risk management plan: continue with measurable mitigation, suspend, or disengage." },
  { "OECD.MIN.S4", "Independent third-party audit", SRC, "Have smelter and refiner due diligence audited by an independent third party at identified points of the chain." },
  { "OECD.MIN.S5", "Annual public report", TRANS, "Report publicly every year on supply chain due diligence." },
  { "OECD.MIN.AII.SA", "Serious abuses", SRC, "No tolerance of torture, forced labour, worst forms of child labour, widespread sexual violence or war crimes linked to minerals; suspend or disengage at once.", SECONDARY, "OECD (2017), Practical actions for companies to identify and address the worst forms of child labour in mineral supply chains: the Annex II model policy treats the worst forms of child labour as a serious abuse" },
  { "OECD.MIN.AII.NSAG", "Support to non-state armed groups", SRC, "No direct or indirect support to armed groups through control of sites or routes, illegal taxation or extortion; suspend or disengage at once." },
  { "OECD.MIN.AII.SEC", "Public or private security forces", SRC, "Security at sites and routes must respect the rule of law and human rights, with screened personnel and transparent payments to public security." },
  { "OECD.MIN.AII.BRIB", "Bribery and misrepresentation of origin", SRC, "No bribery and no fraudulent misrepresentation of where minerals come from; mitigate through the risk management plan." },
  { "OECD.MIN.AII.AML", "Money laundering", SRC, "Support efforts to prevent money laundering linked to mineral trade." },
  { "OECD.MIN.AII.TAX", "Taxes, fees and royalties", TRANS, "Pay the taxes, fees and royalties due to governments and disclose them in line with EITI principles." },
})

-- OECD Guidelines for Multinational Enterprises on Responsible Business Conduct (2023 update):
-- the chapters that packs cite where the CSDDD (as amended) has no duty, such as climate.
add("OECD", GUIDANCE, UNVERIFIED, {
  { "OECD.MNE.VI", "Environment (Guidelines Chapter VI)", ENV, "Manage environmental impacts, including climate change, biodiversity, pollution and resource use, with targets consistent with the Paris Agreement and public reporting of greenhouse-gas emissions." },
  { "OECD.MNE.VII", "Combating bribery (Guidelines Chapter VII)", POL, "Do not offer, promise or give, or demand, bribes or other undue advantage; adopt internal controls, ethics and compliance programmes to prevent it." },
})

-- Global Industry Standard on Tailings Management (2020): 15 principles under six topics.
add("GISTM", GUIDANCE, SECONDARY, {
  { "GISTM.P1", "Affected communities", LAND, "Respect the rights of project-affected people and engage them meaningfully across the tailings facility lifecycle." },
  { "GISTM.P2", "Knowledge base", RISK, "Build and update an interdisciplinary knowledge base on the site's social, environmental and technical context." },
  { "GISTM.P3", "Use knowledge in decisions", RISK, "Use that knowledge base in decisions across the facility lifecycle, including on alternatives." },
  { "GISTM.P4", "Design criteria to minimise risk", ENV, "Set plans and design criteria that minimise risk in every phase, including closure." },
  { "GISTM.P5", "Robust design", ENV, "Design the facility robustly to minimise the risk of failure." },
  { "GISTM.P6", "Construction and operation", ENV, "Plan, build, operate and monitor the facility to manage risk throughout its life." },
  { "GISTM.P7", "Monitoring systems", ENV, "Design and run monitoring systems that detect and manage risk early." },
  { "GISTM.P8", "Policies and accountabilities", POL, "Set policies, systems and accountabilities for facility safety and integrity, with an accountable executive." },
  { "GISTM.P9", "Engineer of Record", POL, "Appoint and empower a qualified Engineer of Record for each facility." },
  { "GISTM.P10", "Levels of review", POL, "Apply independent and internal levels of review within a quality and risk management system." },
  { "GISTM.P11", "Culture of learning", POL, "Build a culture that learns, communicates and recognises problems early." },
  { "GISTM.P12", "Raising concerns", STAKE, "Provide ways to raise concerns about the facility, with protection for whistleblowers." },
  { "GISTM.P13", "Emergency preparedness", PREV, "Prepare and test emergency response to a facility failure together with authorities and communities." },
  { "GISTM.P14", "Long-term recovery", PREV, "Prepare for long-term recovery of people and the environment after a catastrophic failure." },
  { "GISTM.P15", "Public disclosure", TRANS, "Publish information about facilities and their safety so the company can be held to account." },
}, "UNEP and ICMM pages on GISTM (principle titles); the requirement count of 77 is not verified")

-- ICMM Mining Principles (10 principles; performance expectations and position statements not listed).
add("ICMM", GUIDANCE, SECONDARY, {
  { "ICMM.P1", "Ethical business", POL, "Apply ethical business practices and sound governance and transparency." },
  { "ICMM.P2", "Decision-making", POL, "Build sustainable development into corporate strategy and decisions." },
  { "ICMM.P3", "Human rights", CIVIL, "Respect the rights and the interests, cultures and values of workers, communities, vulnerable groups and human rights defenders." },
  { "ICMM.P4", "Risk management", RISK, "Manage risk on a scientific basis that takes account of how stakeholders perceive risks." },
  { "ICMM.P5", "Health and safety", LAB, "Pursue continual improvement in health and safety towards zero harm." },
  { "ICMM.P6", "Environmental performance", ENV, "Improve environmental performance on water, energy use and climate." },
  { "ICMM.P7", "Conservation of biodiversity", ENV, "Contribute to biodiversity conservation and integrated land-use planning." },
  { "ICMM.P8", "Responsible production", ENV, "Promote responsible design, use, reuse, recycling and disposal of products containing metals and minerals." },
  { "ICMM.P9", "Social performance", LAND, "Contribute to the social, economic and institutional development of host countries and communities." },
  { "ICMM.P10", "Stakeholder engagement", STAKE, "Engage openly with stakeholders, report transparently and verify performance independently." },
}, "ICMM website (the ten principles)")

-- IRMA Standard for Responsible Mining, IRMA-STD-001 v1.0 (2018): chapters. Chapter names from a
-- secondary source; their numbering is not verified.
add("IRMA", GUIDANCE, SECONDARY, {
  { "IRMA.1.1", "Legal compliance", POL, "Know and comply with host-country law and, where stricter, with the standard." },
  { "IRMA.1.2", "Community and stakeholder engagement", STAKE, "Engage affected communities and stakeholders in a way they consider meaningful throughout the mine lifecycle." },
  { "IRMA.1.3", "Human rights due diligence", RISK, "Carry out human rights due diligence at the mine, with a policy, impact assessment and follow-up." },
  { "IRMA.1.4", "Grievance mechanism and remedy", STAKE, "Provide a grievance mechanism that meets the GP31 criteria and enables access to remedy." },
  { "IRMA.1.5", "Revenue and payments transparency", TRANS, "Disclose payments to governments, contracts and beneficial ownership." },
  { "IRMA.2.1", "Environmental and social impact assessment", RISK, "Assess and manage environmental and social impacts, with public participation." },
  { "IRMA.2.2", "Free, prior and informed consent", LAND, "Obtain and keep the free, prior and informed consent of affected indigenous peoples." },
  { "IRMA.2.3", "Community support and benefits", LAND, "Seek community support and share benefits fairly." },
  { "IRMA.2.4", "Resettlement", LAND, "Avoid involuntary resettlement and, where unavoidable, restore or improve livelihoods and living standards." },
  { "IRMA.2.5", "Emergency preparedness and response", PREV, "Plan and test emergency response with workers, communities and authorities." },
  { "IRMA.2.6", "Reclamation and closure", ENV, "Plan and fully finance reclamation and closure, with community input." },
  { "IRMA.3.1", "Fair labour and terms of work", LAB, "Respect core labour rights and fair terms of work." },
  { "IRMA.3.2", "Occupational health and safety", LAB, "Protect workers' health and safety." },
  { "IRMA.3.3", "Community health and safety", LAND, "Protect communities from health and safety risks caused by the mine." },
  { "IRMA.3.4", "Conflict-affected and high-risk areas", SRC, "Apply OECD-aligned due diligence where operating in or sourcing from conflict-affected or high-risk areas." },
  { "IRMA.3.5", "Security arrangements", CIVIL, "Manage security in line with the Voluntary Principles and human rights." },
  { "IRMA.3.6", "Artisanal and small-scale mining", SRC, "Engage constructively with artisanal and small-scale miners and address their risks." },
  { "IRMA.3.7", "Cultural heritage", LAND, "Protect cultural heritage with the communities concerned." },
  { "IRMA.4.1", "Waste and materials management", ENV, "Manage mine waste, including tailings and acid-generating rock, to prevent harm." },
  { "IRMA.4.2", "Water management", ENV, "Protect water quality and quantity for other users and ecosystems." },
  { "IRMA.4.3", "Air quality", ENV, "Control air emissions and dust." },
  { "IRMA.4.4", "Noise and vibration", ENV, "Limit noise and vibration affecting communities." },
  { "IRMA.4.5", "Greenhouse gas emissions", ENV, "Measure, report and reduce greenhouse gas emissions." },
  { "IRMA.4.6", "Biodiversity and protected areas", ENV, "Protect biodiversity, ecosystem services and protected areas using the mitigation hierarchy." },
  { "IRMA.4.7", "Cyanide management", ENV, "Manage cyanide safely, in line with the International Cyanide Management Code." },
  { "IRMA.4.8", "Mercury management", ENV, "Avoid mercury use and control mercury releases and wastes." },
}, "responsiblemining.net (chapter names; numbering not verified)")

-- Voluntary Principles on Security and Human Rights (2000).
add("VPSHR", GUIDANCE, UNVERIFIED, {
  { "VPSHR.RA", "Risk assessment", CIVIL, "Assess security risks, the potential for violence, the human rights record of security forces, the rule of law and conflict dynamics." },
  { "VPSHR.PUB", "Interactions with public security", CIVIL, "Agree security arrangements with public forces, promote proportionate use of force, consult regularly and report and follow up abuses." },
  { "VPSHR.PRIV", "Interactions with private security", CIVIL, "Use lawful, screened and trained private guards who use force only defensively and proportionately, and record and report abuses." },
})

-- International Code of Conduct for Private Security Service Providers (2010) and its Association.
add("ICOC", GUIDANCE, UNVERIFIED, {
  { "ICOC.CODE", "International Code of Conduct for Private Security Providers", CIVIL, "Private security companies commit to human-rights-based conduct, vetting and training of personnel, limits on the use of force and grievance procedures; members of the ICoC Association are certified and monitored against it." },
})

-- IFC Performance Standards (2012), a yardstick in project finance and extractives.
add("IFC", GUIDANCE, UNVERIFIED, {
  { "IFC.PS1", "E&S assessment and management", RISK, "Assess and manage environmental and social risks through a management system with stakeholder engagement and grievance handling." },
  { "IFC.PS2", "Labour and working conditions", LAB, "Fair treatment, safe conditions and core labour rights for workers, including in the supply chain." },
  { "IFC.PS3", "Resource efficiency and pollution prevention", ENV, "Use resources efficiently and avoid or minimise pollution." },
  { "IFC.PS4", "Community health, safety and security", LAND, "Protect community health and safety, including from security personnel." },
  { "IFC.PS5", "Land acquisition and involuntary resettlement", LAND, "Avoid forced displacement and restore livelihoods of people who must move or lose access to land." },
  { "IFC.PS6", "Biodiversity", ENV, "Protect and conserve biodiversity and manage living natural resources sustainably." },
  { "IFC.PS7", "Indigenous peoples", LAND, "Respect indigenous peoples and obtain their free, prior and informed consent in the circumstances the standard sets." },
  { "IFC.PS8", "Cultural heritage", LAND, "Protect cultural heritage and share benefits from its use fairly." },
})

-- ILO Convention 169 (binding on the States that ratified it).
add("ILO", IN_FORCE, UNVERIFIED, {
  { "ILO.C169", "Indigenous and Tribal Peoples Convention", LAND, "Consult indigenous peoples on measures and resource projects affecting them; relocate them only exceptionally and with their free and informed consent." },
})

-- RBA Code of Conduct v8.0 (2024): five sections (confirmed by a secondary source); the
-- sub-clause numbers are not verified.
add("RBA", GUIDANCE, UNVERIFIED, {
  { "RBA.A", "Labor", LAB, "Section A: uphold workers' human rights and treat them with dignity." },
  { "RBA.A1", "Freely chosen employment", LAB, "No forced, bonded or trafficked labour, no recruitment fees paid by workers and no withholding of identity documents." },
  { "RBA.A2", "Young workers", LAB, "No child labour; young workers are protected from hazardous and night work." },
  { "RBA.A3", "Working hours", LAB, "Working hours stay within legal limits and the code's weekly maximum, with a day off each week." },
  { "RBA.A4", "Wages and benefits", LAB, "Pay at least the legal minimum, with overtime premiums and no disciplinary deductions." },
  { "RBA.A5", "Humane treatment", LAB, "No harsh or inhumane treatment, harassment or abuse." },
  { "RBA.A6", "Non-discrimination and non-harassment", LAB, "No discrimination or harassment in hiring and employment." },
  { "RBA.A7", "Freedom of association", LAB, "Respect workers' right to form and join unions and to bargain collectively." },
  { "RBA.B", "Health and Safety", LAB, "Section B: a safe and healthy working environment." },
  { "RBA.B1", "Occupational safety", LAB, "Control exposure to safety hazards through design, engineering and administrative measures." },
  { "RBA.B2", "Emergency preparedness", LAB, "Identify emergencies and prepare plans, drills, exits and alarms." },
  { "RBA.B3", "Occupational injury and illness", LAB, "Prevent, record, treat and report injuries and illness." },
  { "RBA.B4", "Industrial hygiene", LAB, "Control exposure to chemical, biological and physical agents." },
  { "RBA.B5", "Physically demanding work", LAB, "Identify and control physically demanding tasks." },
  { "RBA.B6", "Machine safeguarding", LAB, "Guard machinery and maintain the guards." },
  { "RBA.B7", "Sanitation, food and housing", LAB, "Provide clean toilets, drinking water, hygienic food and safe dormitories." },
  { "RBA.B8", "Health and safety communication", LAB, "Train and inform workers on hazards in a language they understand." },
  { "RBA.C", "Environment", ENV, "Section C: minimise environmental harm and protect community health." },
  { "RBA.C1", "Environmental permits and reporting", ENV, "Hold, keep current and report under all required environmental permits." },
  { "RBA.C2", "Pollution prevention and resource reduction", ENV, "Reduce emissions, discharges and resource use at source." },
  { "RBA.C3", "Hazardous substances", ENV, "Identify, label and manage hazardous substances safely." },
  { "RBA.C4", "Solid waste", ENV, "Manage and reduce solid waste systematically." },
  { "RBA.C5", "Air emissions", ENV, "Characterise, monitor, control and treat air emissions." },
  { "RBA.C6", "Materials restrictions", ENV, "Meet legal and customer restrictions on substances in products." },
  { "RBA.C7", "Water management", ENV, "Monitor water sources and use, and control wastewater." },
  { "RBA.C8", "Energy and greenhouse gases", ENV, "Track energy use and greenhouse gas emissions and set reduction goals." },
  { "RBA.D", "Ethics", POL, "Section D: business integrity and ethical conduct." },
  { "RBA.D1", "Business integrity", POL, "No bribery, corruption, extortion or embezzlement." },
  { "RBA.D2", "No improper advantage", POL, "No bribes or other means of obtaining undue advantage." },
  { "RBA.D3", "Disclosure of information", TRANS, "Disclose business information accurately, in line with law and practice." },
  { "RBA.D4", "Intellectual property", POL, "Respect intellectual property rights." },
  { "RBA.D5", "Fair business, advertising and competition", POL, "Follow fair business, advertising and competition standards." },
  { "RBA.D6", "Protection of identity and non-retaliation", STAKE, "Protect whistleblowers' identity and prevent retaliation." },
  { "RBA.D7", "Responsible sourcing of minerals", SRC, "Apply due diligence on the source and chain of custody of minerals, in line with OECD guidance." },
  { "RBA.D8", "Privacy", CIVIL, "Protect the personal information of workers, suppliers and customers." },
  { "RBA.E", "Management System", POL, "Section E: a management system that ensures conformance with the code." },
  { "RBA.E1", "Company commitment", POL, "A social and environmental commitment statement endorsed by management." },
  { "RBA.E2", "Management accountability", POL, "Named senior responsibility for implementing the management system." },
  { "RBA.E3", "Legal and customer requirements", POL, "A process to identify and follow legal and customer requirements." },
  { "RBA.E4", "Risk assessment and management", RISK, "Identify and control legal, environmental, health and safety, labour and ethics risks." },
  { "RBA.E5", "Improvement objectives", PREV, "Written performance objectives, targets and implementation plans." },
  { "RBA.E6", "Training", POL, "Training programmes for managers and workers on the code." },
  { "RBA.E7", "Communication", TRANS, "Communicate policies, practices and performance to workers, suppliers and customers." },
  { "RBA.E8", "Worker feedback and grievance", STAKE, "Processes for worker feedback, participation and grievances." },
  { "RBA.E9", "Audits and assessments", PREV, "Periodic self-evaluations of conformance." },
  { "RBA.E10", "Corrective action", PREV, "A process to correct deficiencies found by assessments, audits and reviews in time." },
  { "RBA.E11", "Documentation and records", POL, "Create and keep the documents and records that show conformance." },
  { "RBA.E12", "Supplier responsibility", SRC, "Communicate the code to suppliers and monitor their conformance." },
})

-- EITI Standard (2023 edition): requirements 1-7; only 2.5 is cited at sub-requirement level.
add("EITI", GUIDANCE, UNVERIFIED, {
  { "EITI.R1", "Multi-stakeholder oversight", TRANS, "Implementation is overseen by a group of government, companies and civil society." },
  { "EITI.R2", "Legal and institutional framework", TRANS, "Disclose the legal framework, licence allocation, licence registers, contracts and state participation." },
  { "EITI.R2.5", "Beneficial ownership", TRANS, "Disclose who ultimately owns and controls companies that hold extractive rights." },
  { "EITI.R3", "Exploration and production", TRANS, "Disclose exploration activity and production data." },
  { "EITI.R4", "Revenue collection", TRANS, "Disclose company payments and government revenues comprehensively and disaggregated by project." },
  { "EITI.R5", "Revenue allocation", TRANS, "Show how extractive revenues are allocated in the budget and to sub-national levels." },
  { "EITI.R6", "Social and economic spending", TRANS, "Disclose social, environmental and economic spending by companies and the state." },
  { "EITI.R7", "Outcomes and impact", TRANS, "Make the data public, accessible and used in public debate, and follow up lessons." },
})

return catalogue(entries)
