-- luacheck: no max line length
-- EUDR: the EU Deforestation Regulation, as a catalogue extension (framework { ... }): a pack that
-- requires this file cites its duties like any other (`local _ = require "eudr"`).
--
-- Source: Regulation (EU) 2023/1115 of 31 May 2023 on the making available on the Union market and
-- the export from the Union of certain commodities and products associated with deforestation and
-- forest degradation, in force since 29 June 2023, as amended by Regulation (EU) 2024/3234 (first
-- postponement) and by Regulation (EU) 2025/2650 of 19 December 2025 (second postponement and
-- simplifications; Official Journal L series, 23.12.2025).
--
-- How each entry was checked (`verified`): the Official Journal header of Regulation (EU) 2025/2650
-- on EUR-Lex; the definitions and articles against secondary sources that reproduce or summarise
-- them (the Commission's EUDR implementation pages and FAQ, a chamber of commerce's guidance on
-- Art 2(40), law firms' notes on the amendments). The number of the first amending regulation,
-- 2024/3234, is from a secondary source only. Paraphrased in our own words.
--
-- Dates of application, as amended in December 2025 (secondary sources: law-firm notes of the
-- amendment published in the Official Journal): 30 December 2026 for large and medium operators and
-- traders, 30 June 2027 for micro and small enterprises. The deforestation cut-off date,
-- 31 December 2020, was not changed by either amendment.
--
-- Scope: cattle, cocoa, coffee, oil palm, rubber, soya and wood, and the products of Annex I. The
-- agriculture pack covers the first six; wood is not covered by any bundled pack.

local SECONDARY = "secondary source"

return framework {
  id = "EUDR",
  title = "EU Deforestation Regulation: Regulation (EU) 2023/1115 as amended by Regulations (EU) 2024/3234 and 2025/2650",
  source = "Regulation (EU) 2023/1115 of 31 May 2023, as amended by Regulation (EU) 2024/3234 and Regulation (EU) 2025/2650 of 19 December 2025",
  url = "https://eur-lex.europa.eu/eli/reg/2023/1115/oj",
  status = "in force",
  verified = SECONDARY,
  duties = {
    { id = "EUDR.A03", title = "Deforestation-free, legal and covered by a due diligence statement",
      area = "Environment",
      text = "Relevant commodities and products may be placed on or made available on the EU market, or exported, only if they are deforestation-free, produced in accordance with the relevant legislation of the country of production, and covered by a due diligence statement.",
      source = "Art 3; the Commission's EUDR pages and a chamber of commerce's guidance (Art 3(b))" },
    { id = "EUDR.A02.13", title = "Deforestation-free: the cut-off date of 31 December 2020",
      area = "Environment",
      text = "Deforestation-free means produced on land that has not been subject to deforestation after 31 December 2020 and, for wood, harvested without inducing forest degradation after that date; deforestation is the conversion of forest to agricultural use, whether human-induced or not.",
      source = "Art 2(13) and 2(3), as reproduced in glossaries and the Commission's definitions page" },
    { id = "EUDR.A02.40", title = "Relevant legislation of the country of production",
      area = "Land & communities",
      text = "Legality covers the laws of the country of production on the legal status of the area of production: land use rights, environmental protection, forest-related rules, third parties' rights, labour rights, human rights protected under international law, free, prior and informed consent (including as set out in UNDRIP), and tax, anti-corruption, trade and customs rules.",
      source = "Art 2(40), as summarised by IHK Darmstadt" },
    { id = "EUDR.A08", title = "Due diligence: information, risk assessment, risk mitigation",
      area = "Risk identification",
      text = "Before placing products on the market or exporting them, operators exercise due diligence: they collect the required information, assess the risk of non-compliance and, unless the risk is negligible, mitigate it.",
      source = "Art 8, as summarised by compliance guides and the Commission's pages" },
    { id = "EUDR.A09", title = "Information, including the geolocation of every plot of land",
      area = "Responsible sourcing",
      text = "Operators collect, for each product, the country of production and the geolocation of all plots of land where the commodities were produced, with the quantity, the supplier, the time of production and conclusive information that the product is deforestation-free and legal.",
      source = "Art 9, as summarised by the Commission's traceability pages and compliance guides; the point numbering within Art 9 is not verified" },
    { id = "EUDR.A10", title = "Risk assessment",
      area = "Risk identification",
      text = "Operators assess whether products may be non-compliant, considering among others the country's risk category, the presence of forests and of indigenous peoples, the complexity of the supply chain, and the risk of mixing with products of unknown origin or of circumvention.",
      source = "Art 10, as summarised by compliance guides" },
    { id = "EUDR.A11", title = "Risk mitigation",
      area = "Prevention & remediation",
      text = "Where the risk is not negligible, operators adopt mitigation measures, such as further information, independent surveys or audits and support to suppliers, in particular smallholders, before placing the products on the market.",
      verified = "not verified",
      source = "Art 11: that it is the article on risk mitigation is from secondary sources; the list of measures is recalled" },
    { id = "EUDR.A29", title = "Country benchmarking: low, standard and high risk",
      area = "Risk identification",
      text = "The Commission classifies countries or parts of them as low, standard or high risk; sourcing only from low-risk countries allows simplified due diligence, but never removes the information duty, geolocation included.",
      source = "Art 29 and Art 13, as described on the Commission's EUDR pages (benchmarking adopted in May 2025)" },
    { id = "EUDR.A38", title = "Dates of application",
      area = "Transparency",
      text = "As amended in December 2025, the obligations apply from 30 December 2026, and from 30 June 2027 for micro and small enterprises; the cut-off date of 31 December 2020 is unchanged.",
      source = "Art 38 as amended by Regulation (EU) 2025/2650, as summarised by law-firm notes (Bird & Bird, fn.legal)" },
  },
}
