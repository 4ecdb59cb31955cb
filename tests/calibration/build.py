#!/usr/bin/env python3
"""Build the calibration profiles (tests/calibration/profiles/*.yaml) from the strong examples.

    build.py             (run from the source root; rewrites the profiles)

Each profile is an example (the strong one, or for the agriculture and textiles packs also the weak
and red-flag ones, which ship as examples) with its supplier block and some answers changed, as
written in PROFILES below. The built files are committed; tests/calibration/run.py assesses them and compares
the ratings and red flags with tests/calibration/expected.tsv, which was written (and committed)
before diligo ever rated them.
"""
import re

BASES = {"mining": "examples/mining/strong.yaml", "tech": "examples/tech/strong.yaml",
         "extractives": "examples/extractives/strong.yaml",
         "agriculture": "examples/agriculture/strong.yaml", "agriculture/weak": "examples/agriculture/weak.yaml",
         "agriculture/redflag": "examples/agriculture/redflag.yaml",
         "textiles": "examples/textiles/strong.yaml", "textiles/weak": "examples/textiles/weak.yaml",
         "textiles/redflag": "examples/textiles/redflag.yaml"}

# id: (sector, narrative, supplier fields, answers to set (value text, or None to remove),
#      bare: drop every evidence citation)
PROFILES = {
    "CAL-M1-strong": ("mining", "The strong copper and gold miner of the examples, unchanged: every "
                      "process in place and evidenced.", {}, {}, False),
    "CAL-M2-evasive": ("mining", "The same miner's process answers, every claim without evidence, and "
                       "'unknown' wherever an answer could show harm: tailings facilities, deaths, "
                       "security incidents, pollution incidents, child labour.",
                       {}, {"mining.tailings.facilities": "unknown", "mining.tailings.consequence": "unknown",
                            "labour.ohs.fatalities": "unknown", "labour.ohs.ltifr": "unknown",
                            "community.security.incidents": "unknown",
                            "environment.pollution.incidents": "unknown", "labour.child.found": "unknown",
                            "community.resettlement": "unknown", "core.corrective.open_impacts": "unknown"},
                       True),
    "CAL-M3-harmful": ("mining", "A copper miner with mature paperwork but grave harm: five deaths in the "
                       "year and an injury rate of 6, an Extreme-consequence tailings dam only partly "
                       "conforming to GISTM, villagers moved against their will with no livelihood "
                       "restoration, and security incidents under partly applied Voluntary Principles.",
                       {"employees": "3400"},
                       {"labour.ohs.fatalities": "5", "labour.ohs.ltifr": "6",
                        "mining.tailings.consequence": "extreme", "mining.tailings.gistm": "partial",
                        "community.resettlement": "involuntary", "community.livelihood_restoration": "no",
                        "community.security.incidents": "3", "community.security.vpshr": "partial",
                        "community.security.investigated": "partial"}, False),
    "CAL-M4-small": ("mining", "A 35-person quarry in Portugal: no tailings, no artisanal mining, no gold, no "
                     "indigenous land; an honest, informal due-diligence process (a written policy, "
                     "partial procedures, little evidence).",
                     {"country": "PT", "employees": "35"},
                     {"core.policy.senior_approval": "partial", "core.policy.partner_code": "no",
                      "core.risk.mapping": "partial", "core.risk.depth": "own_operations",
                      "core.risk.prioritisation": "partial", "core.prevention.action_plan": "partial",
                      "core.prevention.contract_cascade": "no", "core.corrective.process": "partial",
                      "core.corrective.open_impacts": "0", "core.remediation.process": "partial",
                      "core.stakeholders.engagement": "partial", "core.grievance.mechanism": "partial",
                      "core.grievance.legitimate": "partial", "core.grievance.accessible": "yes",
                      "core.grievance.predictable": "partial", "core.grievance.equitable": "partial",
                      "core.grievance.transparent": "na", "core.grievance.rights_compatible": "yes",
                      "core.grievance.learning": "partial", "core.grievance.dialogue": "partial",
                      "core.monitoring.frequency": "biennial", "core.reporting.statement": "na",
                      "community.indigenous_land": "no", "community.fpic": "na",
                      "mining.fpic.new_projects": "na", "community.resettlement": "none",
                      "community.livelihood_restoration": "na", "community.security.forces": "[none]",
                      "community.security.vpshr": "na", "community.security.incidents": "0",
                      "community.security.investigated": "na", "mining.security.public_mou": None,
                      "mining.security.risk_assessment_date": None, "mining.security.private_icoca": None,
                      "mining.security.public_payments": None,
                      "mining.tailings.facilities": "0", "mining.tailings.consequence": "na",
                      "mining.tailings.gistm": "na", "mining.tailings.eor": "na",
                      "mining.tailings.emergency": "na", "mining.tailings.disclosure": "na",
                      "mining.tailings.independent_review": "na",
                      "mining.asm.presence": "[none]", "mining.asm.engagement": "na",
                      "mining.asm.child_labour": "no_asm", "mining.gold.processing": "no_gold",
                      "mining.cyanide.code": "not_used", "mining.cahra.exposure": "no", "mining.cahra.oecd": "na",
                      "labour.migrant.share": "0", "labour.migrant.recruitment": "na",
                      "labour.wage.living_wage_gap": "partial", "labour.ohs.committee": "partial",
                      "labour.ohs.ltifr": "3.5", "labour.gbvh.prevention": "partial",
                      "hrd.commitment": "partial", "hrd.engagement": "partial", "hrd.grievance_protection": "partial",
                      "mining.integrity.anti_bribery": "partial", "mining.climate.ghg": "no",
                      "mining.certifications": "[none]", "mining.benefits.sharing": "partial",
                      "mining.closure.plan": "partial", "mining.closure.assurance": "60",
                      "mining.transparency.payments": "partial", "environment.biodiversity.sites": "none",
                      "environment.biodiversity.plan": "na"}, True),
    "CAL-M5-highrisk": ("mining", "A copper-cobalt miner in the DRC that also buys artisanal ore: mines in a "
                        "conflict-affected area, OECD due diligence only partly in place, the artisanal "
                        "sites it buys from not monitored for child labour; public security at the sites "
                        "under a partial agreement; otherwise a mature process.",
                        {"country": "CD", "employees": "4200"},
                        {"mining.cahra.exposure": "yes", "mining.cahra.oecd": "partial",
                         "mining.asm.presence": "[on_concession, sourced]", "mining.asm.engagement": "partial",
                         "mining.asm.child_labour": "not_monitored", "mining.security.public_mou": "partial",
                         "mining.gold.processing": "no_gold"}, False),
    "CAL-T1-strong": ("tech", "The strong contract manufacturer of the examples, unchanged.", {}, {}, False),
    "CAL-T2-evasive": ("tech", "The same manufacturer's process answers without any evidence, and 'unknown' "
                       "on every forced-labour indicator, on child labour, on state-imposed forced labour "
                       "and on the minerals risks, with 40% migrant workers.",
                       {}, {"labour.recruitment_fees.paid_by_workers": "unknown",
                            "labour.forced.documents_retained": "unknown",
                            "labour.forced.movement_restricted": "unknown", "labour.forced.debt_bondage": "unknown",
                            "labour.child.found": "unknown", "tech.forced_labour.state_imposed": "unknown",
                            "minerals.annex2_risks": "unknown", "labour.migrant.share": "40"}, True),
    "CAL-T3-harmful": ("tech", "A contract manufacturer with good paperwork whose migrant workers (45% of the "
                       "workforce) paid recruitment fees and whose passports the company keeps; "
                       "disciplinary wage deductions; two Priority audit findings open.",
                       {"country": "MY"},
                       {"labour.migrant.share": "45", "labour.recruitment_fees.paid_by_workers": "yes",
                        "labour.forced.documents_retained": "yes", "tech.wages.deductions": "disciplinary",
                        "tech.rba.priority_open": "2", "tech.rba.audit": "vap"}, False),
    "CAL-T4-small": ("tech", "A 25-person software company in Ireland that hosts customer data: no "
                     "products, no minerals, no surveillance features; a privacy programme and a code of "
                     "conduct with evidence, a light due-diligence process.",
                     {"country": "IE", "employees": "25"},
                     {"tech.production": "none", "tech.expression.exposure": "yes",
                      "tech.expression.government_requests": "partial", "tech.expression.transparency": "na",
                      "tech.rba.audit": "na", "tech.rba.priority_open": None, "tech.housing.provided": "na",
                      "tech.housing.conditions": "na", "tech.students.share": "na",
                      "tech.students.protections": "na", "tech.ohs.hygiene": "na", "tech.substances.restricted": "na",
                      "tech.wages.deductions": "na", "tech.treatment.humane": "na", "tech.women.protection": "na",
                      "tech.community.water": "na", "tech.surveillance.capabilities": "[none]",
                      "tech.surveillance.end_use_dd": "na", "tech.surveillance.high_risk_customers": "na",
                      "tech.surveillance.export_controls": "na", "minerals.scope": "[none]",
                      "minerals.policy": "na", "minerals.traceability": "na", "minerals.cmrt": "na",
                      "minerals.emrt": "na", "minerals.cahra": "na", "minerals.annex2_risks": "na",
                      "minerals.risk_plan": "na", "minerals.smelters_identified": "na",
                      "minerals.conformant_share": "na", "minerals.public_report": "na",
                      "tech.minerals.battery_dd": "na", "tech.forced_labour.state_imposed": "no_declared",
                      "labour.migrant.share": "0", "labour.migrant.recruitment": "na",
                      "tech.recruitment.fee_reimbursement": "na", "tech.recruitment.agents_audited": "na",
                      "core.risk.depth": "direct_partners", "core.prevention.contract_cascade": "partial",
                      "core.reporting.statement": "na", "core.grievance.transparent": "na",
                      "core.monitoring.frequency": "annual", "tech.rba.next_tier": "partial",
                      "tech.purchasing.practices": "partial", "environment.biodiversity.sites": "none",
                      "environment.biodiversity.plan": "na"}, False),
    "CAL-T5-highrisk": ("tech", "An electronics manufacturer in Malaysia with 60% migrant workers, fees "
                        "repaid to all, documents with the workers; tin, tantalum, gold and cobalt some of "
                        "which come from conflict-affected areas, Annex II risks assessed, 85% of "
                        "smelters conformant; one Priority audit finding open.",
                        {"country": "MY"},
                        {"labour.migrant.share": "60", "labour.recruitment_fees.paid_by_workers": "reimbursed",
                         "labour.forced.documents_retained": "no", "minerals.cahra": "yes",
                         "minerals.annex2_risks": "[none_identified]", "minerals.conformant_share": "85",
                         "minerals.smelters_identified": "90", "tech.rba.priority_open": "1",
                         "tech.rba.audit": "vap", "tech.forced_labour.state_imposed": "no_declared"}, False),
    "CAL-X1-strong": ("extractives", "The strong gas operator of the examples, unchanged.", {}, {}, False),
    "CAL-X2-evasive": ("extractives", "The same operator's process answers without evidence, and 'unknown' "
                       "on spills, process safety events, support to abusive security units, peoples in "
                       "isolation, conflict areas and deaths.",
                       {}, {"extractives.spills.count": "unknown", "extractives.spills.volume": "unknown",
                            "extractives.process_safety.tier1": "unknown",
                            "extractives.security.abusive_units": "unknown",
                            "extractives.indigenous.isolation": "unknown", "extractives.cahra.exposure": "unknown",
                            "labour.ohs.fatalities": "unknown"}, True),
    "CAL-X3-harmful": ("extractives", "An onshore oil operator with paperwork in place but 40 spills (5,000 "
                       "barrels) only partly remediated, routine flaring without a plan, undisclosed "
                       "support to public security and units accused of grave abuses left unaddressed.",
                       {"country": "NG"},
                       {"extractives.spills.count": "40", "extractives.spills.volume": "5000",
                        "extractives.spills.remediated": "partial", "extractives.flaring.routine": "no_plan",
                        "extractives.flaring.share": "35", "extractives.security.public_support": "undisclosed",
                        "extractives.security.abusive_units": "no_action",
                        "extractives.security.vetting": "no"}, False),
    "CAL-X4-small": ("extractives", "A 40-person onshore drilling contractor in Canada: no spills, no "
                     "exploration, no indigenous land, no conflict areas; a light and partly evidenced "
                     "process.",
                     {"country": "CA", "employees": "40"},
                     {"extractives.operations": "[onshore]", "community.indigenous_land": "no",
                      "community.fpic": "na", "extractives.fpic.exploration": "na",
                      "extractives.fpic.benefit_sharing": "na", "extractives.indigenous.isolation": "no",
                      "extractives.spills.count": "0", "extractives.spills.volume": "na",
                      "extractives.spills.remediated": "na", "extractives.offshore.discharges": "na",
                      "extractives.seafarers": "na", "extractives.cahra.exposure": "no",
                      "extractives.cahra.heightened_dd": "na", "extractives.security.public_support": "none",
                      "extractives.security.vetting": "na", "core.risk.mapping": "partial",
                      "core.risk.prioritisation": "partial", "core.prevention.action_plan": "partial",
                      "core.prevention.contract_cascade": "no", "core.stakeholders.engagement": "partial",
                      "core.grievance.mechanism": "partial", "core.reporting.statement": "na",
                      "core.grievance.transparent": "na", "core.monitoring.frequency": "biennial",
                      "extractives.partners.dd": "partial", "extractives.process_safety.management": "partial",
                      "extractives.transparency.eiti": "none", "extractives.transparency.payments": "partial",
                      "extractives.transparency.contracts": "no", "labour.migrant.share": "0",
                      "labour.migrant.recruitment": "na"}, True),
    "CAL-X5-highrisk": ("extractives", "An LNG operator in a conflict-affected province: conflict analysis and "
                        "heightened due diligence, vetted security support under a disclosed agreement, "
                        "threats to defenders reported and answered; everything evidenced.",
                        {"country": "MZ"},
                        {"extractives.cahra.exposure": "yes", "extractives.cahra.heightened_dd": "yes",
                         "extractives.security.public_support": "agreement", "extractives.security.vetting": "yes",
                         "hrd.threats_nearby": "reported", "hrd.response": "yes"}, False),
    # The agriculture and textiles packs (written with their examples, before any rating): the three
    # examples unchanged, a small supplier and one in a high-risk context.
    "CAL-AG1-strong": ("agriculture", "The strong cocoa farmers' union of the examples, unchanged: every plot "
                       "mapped and checked against the EUDR cut-off, child labour monitoring in 96% of "
                       "households and every child found removed and supported, a living income reference "
                       "price, all evidenced.", {}, {}, False),
    "CAL-AG2-weak": ("agriculture/weak", "The weak cocoa and coffee exporter of the examples, unchanged: "
                     "deforestation-free by declarations only, 40% of the volume geolocated, mass balance, "
                     "child labour monitoring in 15% of households and hazardous tasks not monitored, forced "
                     "labour not checked, many partial answers and little evidence.", {}, {}, False),
    "CAL-AG3-redflag": ("agriculture/redflag", "The oil palm company of the examples, unchanged: fruit from an "
                        "estate cleared after the cut-off still processed, new planting on peat, an "
                        "unaddressed land dispute, expansion without full consent, paraquat in use.",
                        {}, {}, False),
    "CAL-AG4-small": ("agriculture", "A 25-person coffee cooperative in Honduras: members' farms mapped by an NGO "
                      "project, some plots checked for deforestation, no child labour monitoring system yet, "
                      "forced labour not checked, a Fairtrade-style premium; an honest, informal process with "
                      "no evidence cited.",
                      {"country": "HN", "employees": "25"},
                      {"agriculture.commodities": "[coffee]", "agriculture.smallholders.share": "100",
                       "agriculture.deforestation.cutoff": "verified_part", "agriculture.legality.check": "partial",
                       "agriculture.ecosystems.conversion": "partial", "agriculture.child.clmrs_coverage": "0",
                       "agriculture.child.identified": "0", "agriculture.child.remediated_share": "na",
                       "agriculture.child.hazardous_tasks": "not_monitored", "agriculture.child.education": "no",
                       "agriculture.forced.farm_workers": "not_checked",
                       "agriculture.forced.seasonal_recruitment": "partial",
                       "agriculture.income.gap_assessed": "partial", "agriculture.income.price": "premium",
                       "agriculture.wages.farm_workers": "partial", "agriculture.pesticides.hhp": "phasing_out",
                       "agriculture.pesticides.safe_use": "partial", "agriculture.water.protection": "partial",
                       "agriculture.grievance.farmers": "partial",
                       "core.policy.senior_approval": "partial", "core.policy.partner_code": "no",
                       "core.risk.mapping": "partial", "core.risk.depth": "direct_partners",
                       "core.risk.prioritisation": "partial", "core.prevention.action_plan": "partial",
                       "core.prevention.contract_cascade": "no", "core.corrective.process": "partial",
                       "core.remediation.process": "partial", "core.stakeholders.engagement": "partial",
                       "core.grievance.mechanism": "partial", "core.grievance.transparent": "na",
                       "core.monitoring.frequency": "biennial", "core.reporting.statement": "na",
                       "labour.child.found": "no", "labour.child.remediation": "partial",
                       "labour.wage.living_wage_gap": "partial", "labour.ohs.committee": "partial",
                       "labour.ohs.ltifr": "2", "labour.foa.representation": "elected_committee",
                       "labour.gbvh.prevention": "partial", "labour.gbvh.cases": "none_reported",
                       "environment.eia": "partial", "environment.pops": "partial",
                       "environment.biodiversity.plan": "partial", "hrd.commitment": "partial"}, True),
    "CAL-AG5-highrisk": ("agriculture", "A soy and cattle trader in Mato Grosso, Brazil, on the Amazon-Cerrado "
                         "frontier, with heightened due diligence: every plot and every indirect cattle supplier "
                         "checked, a no-conversion commitment checked with land-cover data, workers' conditions "
                         "checked against the government's forced-labour list; a land dispute with a traditional "
                         "community is in agreed mediation.",
                         {"country": "BR", "employees": "950"},
                         {"agriculture.commodities": "[soy, cattle]", "agriculture.smallholders.share": "10",
                          "agriculture.cattle.indirect": "yes", "agriculture.child.clmrs_coverage": "80",
                          "agriculture.child.identified": "0", "agriculture.child.remediated_share": "na",
                          "agriculture.child.hazardous_tasks": "none_found", "agriculture.land.disputes": "in_process",
                          "labour.child.found": "no"}, False),
    "CAL-TX1-strong": ("textiles", "The strong knitwear exporter of the examples, unchanged: Accord inspections "
                       "on track, a union with a collective agreement, cotton traced to the gin, wastewater "
                       "tested within limits, all evidenced.", {}, {}, False),
    "CAL-TX2-weak": ("textiles/weak", "The weak garment factory of the examples, unchanged: a converted building "
                     "inspected once, minimum wage not paid to all trainees, wages paid late once, "
                     "subcontracting disclosed but not checked, cotton excluded by declarations only, many "
                     "partial answers.", {}, {}, False),
    "CAL-TX3-redflag": ("textiles/redflag", "The knitwear exporter of the examples, unchanged: cotton from "
                        "Xinjiang in its yarn, fire exits found locked and not fixed, building remediation "
                        "behind schedule, wages owed, undisclosed units and unprotected homeworkers.",
                        {}, {}, False),
    "CAL-TX4-small": ("textiles", "A 30-person workshop in Portugal sewing bed linen from bought fabric: no wet "
                      "processing, no subcontracting, a licensed building, cotton excluded by declarations "
                      "only; an honest, informal process with no evidence cited.",
                      {"country": "PT", "employees": "30"},
                      {"textiles.products": "[home_textiles]", "textiles.processes": "[cut_make_trim]",
                       "textiles.fibres": "[cotton]", "textiles.cotton.origin": "no_declared",
                       "textiles.cotton.traced_share": "0", "textiles.forced.spinning_mills": "na",
                       "textiles.building.inspection": "independent_on_track",
                       "textiles.safety.refuse_unsafe": "partial", "textiles.safety.complaints": "no",
                       "textiles.gbv.committee": "partial", "textiles.purchasing.labour_costing": "partial",
                       "textiles.purchasing.own_suppliers": "partial", "textiles.chemicals.mrsl": "na",
                       "textiles.wastewater": "na", "textiles.sandblasting": "na", "textiles.water.use": "na",
                       "core.policy.senior_approval": "partial", "core.policy.partner_code": "partial",
                       "core.risk.mapping": "partial", "core.risk.depth": "own_operations",
                       "core.risk.prioritisation": "partial", "core.prevention.action_plan": "partial",
                       "core.prevention.contract_cascade": "no", "core.corrective.process": "partial",
                       "core.remediation.process": "partial", "core.stakeholders.engagement": "partial",
                       "core.grievance.mechanism": "partial", "core.grievance.transparent": "na",
                       "core.monitoring.frequency": "biennial", "core.reporting.statement": "na",
                       "labour.wage.living_wage_gap": "partial", "labour.ohs.committee": "partial",
                       "labour.foa.representation": "none", "labour.gbvh.prevention": "partial",
                       "labour.gbvh.cases": "none_reported", "environment.eia": "partial",
                       "hrd.commitment": "partial"}, True),
    "CAL-TX5-highrisk": ("textiles", "A denim mill and laundry in Pakistan: spinning, weaving, washing and "
                         "sewing under the Pakistan Accord with remediation on track, wastewater tested within "
                         "limits, sandblasting banned, hostel residents free; cotton grown in Pakistan, excluded "
                         "from Xinjiang by declarations only.",
                         {"country": "PK", "employees": "3800"},
                         {"textiles.processes": "[spinning, weaving_knitting, wet_processing, cut_make_trim]",
                          "textiles.fibres": "[cotton]", "textiles.cotton.origin": "no_declared",
                          "textiles.cotton.traced_share": "60"}, False),
}


def blocks(lines):
    """Index of each answer: id -> (start, end)."""
    out, i = {}, lines.index("answers:") + 1
    while i < len(lines):
        m = re.match(r"^  ([a-z][a-z0-9_]*\.[a-z0-9_.]+):", lines[i])
        if not m:
            if lines[i] and not lines[i].startswith(" ") and not lines[i].startswith("#"):
                break
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].startswith("    "):
            j += 1
        out[m.group(1)] = (i, j)
        i = j
    return out


def build(pid, sector, story, supplier, answers, bare):
    lines = open(BASES[sector], encoding="utf-8").read().rstrip("\n").split("\n")
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    head = ["# Calibration profile %s (%s): %s" % (pid, sector.split("/")[0], story)]
    lines = [re.sub(r"^  id: .*", "  id: %s" % pid, l) for l in lines]
    for k, v in supplier.items():
        lines = [re.sub(r"^  %s: .*" % k, "  %s: %s" % (k, v), l) for l in lines]
    for qid, value in answers.items():
        b = blocks(lines)
        if qid in b:
            a, z = b[qid]
            lines[a:z] = [] if value is None else ["  %s: %s" % (qid, value)]
        elif value is not None:
            end = lines.index("evidence:") if "evidence:" in lines else len(lines)
            lines.insert(end, "  %s: %s" % (qid, value))
    if bare:
        lines = [l for l in lines if not re.match(r"^    evidence: ", l)]
    return "\n".join(head + lines) + "\n"


def main():
    for pid, (sector, story, supplier, answers, bare) in PROFILES.items():
        with open("tests/calibration/profiles/%s.yaml" % pid, "w", encoding="utf-8") as f:
            f.write(build(pid, sector, story, supplier, answers, bare))


if __name__ == "__main__":
    main()
