-- luacheck: no max line length
-- ILO-FL: the ILO Forced Labour Convention, 1930 (No. 29) and its Protocol of 2014, as a catalogue
-- extension for the duty on forced labour. (The built-in catalogue cites them only together, in
-- CSDDD.ANX.I2.ILO; this file names the provisions a forced-labour rule rests on.)
--
-- Checked: the definition of forced or compulsory labour in C29 Art 2(1), as quoted by summaries
-- of Regulation (EU) 2024/3015, which adopts it; the prevention measures of P29 Art 2, as
-- reproduced in a treaty database (inview.nl). P29 Art 1 is recalled.

return framework {
  id = "ILO-FL",
  title = "ILO Forced Labour Convention, 1930 (No. 29) and its Protocol of 2014 (P29)",
  source = "ILO Forced Labour Convention, 1930 (No. 29); Protocol of 2014 to the Forced Labour Convention, 1930",
  url = "https://normlex.ilo.org/",
  status = "in force",
  verified = "secondary source",
  duties = {
    { id = "ILO-FL.C29.A2", title = "Forced or compulsory labour",
      area = "Labour rights",
      text = "Forced or compulsory labour is all work or service exacted from any person under the menace of any penalty and for which the person has not offered himself or herself voluntarily (with narrow exceptions such as compulsory military service).",
      source = "C29 Art 2(1), as quoted in summaries of Regulation (EU) 2024/3015 (mme.ch, sustainova)" },
    { id = "ILO-FL.P29.A1", title = "Prevent, protect, remedy",
      area = "Prevention & remediation", verified = "not verified",
      text = "Effective measures to prevent and eliminate forced labour, to protect victims and to give them access to remedy, such as compensation.",
      source = "P29 Art 1 (recalled)" },
    { id = "ILO-FL.P29.A2D", title = "Protection from abusive and fraudulent recruitment",
      area = "Labour rights",
      text = "Protect people, particularly migrant workers, from abusive and fraudulent practices during recruitment and placement.",
      source = "P29 Art 2(d), as reproduced by inview.nl" },
    { id = "ILO-FL.P29.A2E", title = "Due diligence against forced labour",
      area = "Risk identification",
      text = "Support due diligence by the public and private sectors to prevent and respond to risks of forced or compulsory labour.",
      source = "P29 Art 2(e), as reproduced by inview.nl" },
  },
}
