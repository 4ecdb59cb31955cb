-- luacheck: no max line length
-- ACCORD: the International Accord for Health and Safety in the Textile and Garment Industry, as a
-- catalogue extension.
--
-- Source: the International Accord (internationalaccord.org; the ILO's database of cross-border
-- social dialogue initiatives): a legally binding agreement between garment brands and retailers
-- and the global unions IndustriALL and UNI, in effect from 1 September 2021 for 26 months, as the
-- successor of the 2013 Accord on Fire and Building Safety in Bangladesh and the 2018 Transition
-- Accord; implemented in Bangladesh by the RMG Sustainability Council; extended to Pakistan by the
-- Pakistan Accord (2023). Whether the agreement was renewed after October 2023, and on what terms,
-- is not verified. The elements below are from these sources' descriptions, not from the text of
-- the agreement.

return framework {
  id = "ACCORD",
  title = "International Accord for Health and Safety in the Textile and Garment Industry (2021)",
  source = "International Accord for Health and Safety in the Textile and Garment Industry, in effect 1 September 2021 (internationalaccord.org; ILO CBSD database)",
  url = "https://internationalaccord.org/",
  status = "guidance",
  verified = "secondary source",
  duties = {
    { id = "ACCORD.CHECKS", title = "Independent safety inspections, published",
      area = "Labour rights",
      text = "Factories supplying signatory brands are inspected independently for fire, electrical, structural and boiler safety; inspection reports and corrective action plans are published.",
      source = "internationalaccord.org; ILO CBSD" },
    { id = "ACCORD.REMEDIATE", title = "Remediation made financially feasible",
      area = "Prevention & remediation",
      text = "Brands ensure that remediation is financially feasible for their suppliers, including through prices sufficient for safe workplaces, and end business with factories that refuse to operate safely.",
      source = "Reports of the 2021 agreement (Business & Human Rights Resource Centre; duurzaam-ondernemen.nl)" },
    { id = "ACCORD.COMMITTEE", title = "Safety committees and worker training",
      area = "Stakeholders & grievance",
      text = "Each factory has a functioning, democratically elected health and safety committee, trained together with the workers.",
      source = "ILO CBSD description of the Accord" },
    { id = "ACCORD.COMPLAINTS", title = "Independent complaints mechanism",
      area = "Stakeholders & grievance",
      text = "Workers can raise health and safety concerns through a credible, independent complaints mechanism, without retaliation.",
      source = "internationalaccord.org; ILO CBSD" },
    { id = "ACCORD.REFUSE", title = "The right to refuse unsafe work",
      area = "Labour rights",
      text = "Workers may refuse work they reasonably believe to be unsafe, without losing pay or being punished.",
      source = "internationalaccord.org; ILO CBSD" },
    { id = "ACCORD.FOA", title = "Respect for freedom of association",
      area = "Labour rights",
      text = "The programme rests on respect for workers' freedom of association, which safety committees and complaints depend on.",
      source = "Report of the 2021 agreement (duurzaam-ondernemen.nl)" },
  },
}
