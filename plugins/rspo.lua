-- luacheck: no max line length
-- RSPO: the Roundtable on Sustainable Palm Oil's Principles and Criteria, as a catalogue extension.
--
-- Version cited: the RSPO Principles and Criteria (P&C) 2024, adopted with the 2024 Independent
-- Smallholder Standard by the 21st General Assembly on 13 November 2024 (Resolution GA21-2b), to
-- become effective 12 months after adoption, on 13 November 2025 (rspo.org); the P&C 2018 applied
-- until then. A resolution to the 22nd General Assembly proposed postponing the mandatory date to
-- 31 May 2026; whether it was adopted is not verified. Check which version your supplier's
-- certificates were audited against.
--
-- What was checked: the adoption, the effective date and that the 2024 standard adds mandatory
-- human rights due diligence and a revised HCV-HCS approach to land clearing (RSPO pages and
-- secondary reports). The 2024 numbering of principles and criteria is NOT verified, so the ids
-- below name topics, not criterion numbers, and the entries say how far each was checked. Reports
-- dispute whether the 2024 text keeps free, prior and informed consent as a requirement: the FPIC
-- entry is marked not verified.

local SECONDARY = "secondary source"
local UNVERIFIED = "not verified"

return framework {
  id = "RSPO",
  title = "RSPO Principles and Criteria for the Production of Sustainable Palm Oil, 2024",
  source = "RSPO Principles and Criteria 2024, adopted at the 21st General Assembly on 13 November 2024 (Resolution GA21-2b); effective 13 November 2025",
  url = "https://rspo.org/as-an-organisation/our-standards/2024-standards-implementation",
  status = "guidance",
  verified = UNVERIFIED,
  duties = {
    { id = "RSPO.HRDD", title = "Human rights due diligence",
      area = "Risk identification", verified = SECONDARY,
      text = "Growers and mills carry out human rights due diligence to identify, prevent and address impacts on workers and communities (new as a requirement in the 2024 P&C).",
      source = "RSPO GA21 reports and summaries of the 2024 standard" },
    { id = "RSPO.NODEF", title = "No deforestation: the HCV-HCS approach to new plantings",
      area = "Environment", verified = SECONDARY,
      text = "New plantings do not clear primary forest or areas of high conservation value or high carbon stock, identified through the integrated HCV-HCS assessment.",
      source = "RSPO GA21 summaries (revised HCV-HCS framework); criterion numbering not verified" },
    { id = "RSPO.PEAT", title = "Peat",
      area = "Environment",
      text = "No new plantings on peat, and existing plantings on peat are managed to limit subsidence, fire and emissions.",
      source = "Recalled from the P&C 2018; the 2024 wording is not verified" },
    { id = "RSPO.LEGAL", title = "Legality and the right to use the land",
      area = "Land & communities",
      text = "Operations comply with applicable law, and the right to use the land is demonstrated and not legitimately contested by local communities with demonstrable rights.",
      source = "Recalled from the P&C (earlier editions reproduced on rspo.org); the 2024 numbering is not verified" },
    { id = "RSPO.FPIC", title = "Free, prior and informed consent",
      area = "Land & communities",
      text = "Land is acquired or used only with the free, prior and informed consent of customary and legal rights holders. Whether and how the 2024 P&C keep this requirement is disputed in public reports and not verified here.",
      source = "P&C 2018 (recalled); a human rights group alleges its removal from the 2024 text (Business & Human Rights Resource Centre)" },
    { id = "RSPO.WORKERS", title = "Workers' rights",
      area = "Labour rights",
      text = "No forced, trafficked or child labour; freedom of association and collective bargaining; a decent living wage; no harassment or violence, including gender-based violence.",
      source = "Recalled from the P&C 2018; the 2024 wording is not verified" },
    { id = "RSPO.SMALLHOLDERS", title = "Smallholder inclusion",
      area = "Responsible sourcing", verified = SECONDARY,
      text = "Mills and growers treat smallholders fairly and transparently; independent smallholders certify under the RSPO Independent Smallholder Standard (2024 edition adopted with the P&C).",
      source = "Resolution GA21-2b (adoption of the 2024 Independent Smallholder Standard)" },
    { id = "RSPO.PESTICIDES", title = "Integrated pest management and hazardous pesticides",
      area = "Environment",
      text = "Pests are managed by integrated methods, and the most hazardous pesticides are used only in the exceptional cases the standard allows, by trained people with protective equipment.",
      source = "Recalled from the P&C 2018; the 2024 conditions are not verified" },
    { id = "RSPO.TRACE", title = "Traceability of fresh fruit bunches",
      area = "Responsible sourcing",
      text = "Mills know the origin of the fresh fruit bunches they process, from their own estates, scheme smallholders and third-party suppliers.",
      source = "Recalled from the P&C 2018 (mill requirements); the 2024 wording is not verified" },
  },
}
