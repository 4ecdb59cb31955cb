-- luacheck: no max line length
-- OECD-GF: the OECD Due Diligence Guidance for Responsible Supply Chains in the Garment and Footwear
-- Sector, as a catalogue extension.
--
-- Source: OECD (2017), OECD Due Diligence Guidance for Responsible Supply Chains in the Garment and
-- Footwear Sector, published in February 2017. Checked against reproductions of the Guidance and
-- secondary reports: Section I is the core due-diligence guidance and asks enterprises to consider
-- their own purchasing practices; Section II holds modules on sector risks, one of them on
-- sourcing from homeworkers. The list of modules below (child labour; sexual harassment and
-- gender-based violence; forced labour; working time; occupational health and safety; trade unions
-- and collective bargaining; wages; hazardous chemicals; water; homeworkers) is recalled and, except
-- for homeworkers, not verified; the ids name topics, not module numbers.

local SECONDARY = "secondary source"
local UNVERIFIED = "not verified"

return framework {
  id = "OECD-GF",
  title = "OECD Due Diligence Guidance for Responsible Supply Chains in the Garment and Footwear Sector (2017)",
  source = "OECD (2017), OECD Due Diligence Guidance for Responsible Supply Chains in the Garment and Footwear Sector",
  url = "https://www.oecd.org/en/topics/sub-issues/due-diligence-guidance-for-responsible-business-conduct/responsible-garment-and-footwear-supply-chains.html",
  status = "guidance",
  verified = UNVERIFIED,
  duties = {
    { id = "OECD-GF.CORE", title = "Core due diligence, including the buyer's purchasing practices",
      area = "Prevention & remediation", verified = SECONDARY,
      text = "Carry out risk-based due diligence along the garment and footwear supply chain, and assess and change the enterprise's own purchasing practices (prices, lead times, order changes) where they contribute to harm.",
      source = "Section I, as summarised in reports of its publication (Compliance Week, February 2017)" },
    { id = "OECD-GF.HOME", title = "Responsible sourcing from homeworkers",
      area = "Labour rights", verified = SECONDARY,
      text = "Where production reaches homeworkers, map them, make sure they are paid fairly and on time and are not children, and do not respond to risks by cutting them out of the supply chain.",
      source = "Section II module on homeworkers, as explained by WIEGO's guide for homeworkers" },
    { id = "OECD-GF.CHILD", title = "Child labour",
      area = "Labour rights",
      text = "Prevent child labour, in particular in spinning, home-based work and informal units, and remediate it in the child's best interests.",
      source = "Section II module (recalled)" },
    { id = "OECD-GF.SGBV", title = "Sexual harassment and sexual and gender-based violence",
      area = "Labour rights",
      text = "Prevent sexual harassment and gender-based violence in the workplace and give survivors safe channels and remedy.",
      source = "Section II module (recalled)" },
    { id = "OECD-GF.FORCED", title = "Forced labour",
      area = "Labour rights",
      text = "Prevent forced labour, including bonded labour of migrant and young women workers and forced labour in raw-material production.",
      source = "Section II module (recalled)" },
    { id = "OECD-GF.HOURS", title = "Working time",
      area = "Labour rights",
      text = "Keep working hours within legal and international limits, with voluntary and paid overtime.",
      source = "Section II module (recalled)" },
    { id = "OECD-GF.OSH", title = "Occupational health and safety",
      area = "Labour rights",
      text = "Prevent fires, building collapse and exposure to hazards in factories and mills.",
      source = "Section II module (recalled)" },
    { id = "OECD-GF.FOA", title = "Trade unions and collective bargaining",
      area = "Labour rights",
      text = "Respect workers' right to form and join trade unions and to bargain collectively, without retaliation.",
      source = "Section II module (recalled)" },
    { id = "OECD-GF.WAGES", title = "Wages",
      area = "Labour rights",
      text = "Pay at least the legal minimum wage in full and on time, and work towards wages that meet workers' basic needs.",
      source = "Section II module (recalled)" },
    { id = "OECD-GF.CHEM", title = "Hazardous chemicals",
      area = "Environment",
      text = "Manage hazardous chemicals in wet processing (dyeing, printing, finishing, tanning) to protect workers, communities and the environment.",
      source = "Section II module (recalled)" },
    { id = "OECD-GF.WATER", title = "Water",
      area = "Environment",
      text = "Limit water use and treat wastewater from wet processing before discharge.",
      source = "Section II module (recalled)" },
  },
}
