-- luacheck: no max line length
-- EU-FLR: the EU Forced Labour Regulation, as a catalogue extension. It is a ban on placing on the
-- market, making available and exporting products made with forced labour: a market-access
-- condition for every product and economic operator, not a due-diligence duty of suppliers (it adds
-- no due-diligence obligation of its own). Packs cite it for the market-access risk that a forced-
-- labour finding carries.
--
-- Source: Regulation (EU) 2024/3015 of 27 November 2024 on prohibiting products made with forced
-- labour on the Union market and amending Directive (EU) 2019/1937, published in the Official
-- Journal on 12 December 2024, in force since 13 December 2024, applying from 14 December 2027.
-- Checked against secondary sources (eucrim, law-firm notes, globalvaluechains.eu).

return framework {
  id = "EU-FLR",
  title = "EU Forced Labour Regulation: Regulation (EU) 2024/3015",
  source = "Regulation (EU) 2024/3015 of 27 November 2024 on prohibiting products made with forced labour on the Union market; applies from 14 December 2027",
  url = "https://eur-lex.europa.eu/eli/reg/2024/3015/oj",
  status = "in force",
  verified = "secondary source",
  duties = {
    { id = "EU-FLR.A03", title = "No products made with forced labour on the EU market (from 14 December 2027)",
      area = "Responsible sourcing",
      text = "Products made wholly or partly with forced labour, at any stage of their supply chain, may not be placed or made available on the EU market or exported from it; authorities can order their withdrawal and disposal. A market-access condition, not a supplier duty.",
      source = "Art 3, as summarised by globalvaluechains.eu and eucrim" },
    { id = "EU-FLR.A02", title = "Forced labour as the ILO defines it, including state-imposed forced labour",
      area = "Labour rights",
      text = "Forced labour has the meaning of ILO Convention No. 29; it includes forced child labour and forced labour imposed by state authorities.",
      source = "Art 2, as summarised by globalvaluechains.eu and Addleshaw Goddard" },
    { id = "EU-FLR.DATABASE", title = "Database of forced-labour risks",
      area = "Risk identification",
      text = "The Commission publishes a database of forced-labour risks in specific geographic areas or for specific products, which authorities use in their risk-based assessment.",
      source = "Secondary summaries (globalvaluechains.eu, sustainova); the article number is not verified" },
  },
}
