-- luacheck: no max line length
-- OECD-FAO: the OECD-FAO Guidance for Responsible Agricultural Supply Chains, as a catalogue
-- extension.
--
-- Source: OECD/FAO (2016), OECD-FAO Guidance for Responsible Agricultural Supply Chains, OECD
-- Publishing, Paris (doi 10.1787/9789264251052-en). Checked against the OECD's publication page:
-- the Guidance has a model enterprise policy, a five-step framework for risk-based due diligence, a
-- description of the major risks and the measures to mitigate them, and guidance for engaging with
-- indigenous peoples; its risk areas include human rights, labour rights, health and safety, food
-- security and nutrition, tenure rights and access to natural resources, animal welfare,
-- environmental protection, governance, and technology and innovation. The titles of the five steps
-- below are recalled (they follow the OECD's five-step framework for supply chains) and not
-- verified word for word.

local SECONDARY = "secondary source"
local UNVERIFIED = "not verified"

return framework {
  id = "OECD-FAO",
  title = "OECD-FAO Guidance for Responsible Agricultural Supply Chains (2016)",
  source = "OECD/FAO (2016), OECD-FAO Guidance for Responsible Agricultural Supply Chains, OECD Publishing, Paris",
  url = "https://www.oecd.org/en/publications/oecd-fao-guidance-for-responsible-agricultural-supply-chains_9789264251052-en.html",
  status = "guidance",
  verified = SECONDARY,
  duties = {
    { id = "OECD-FAO.POLICY", title = "Model enterprise policy",
      area = "Policy & governance",
      text = "Adopt a policy, modelled on the Guidance's model enterprise policy, that sets the standards of responsible business conduct the enterprise and its business partners observe along the agricultural supply chain.",
      source = "OECD publication page (the Guidance comprises a model enterprise policy)" },
    { id = "OECD-FAO.S1", title = "Step 1: strong enterprise management systems",
      area = "Policy & governance", verified = UNVERIFIED,
      text = "Embed the policy in management systems: responsibilities, supplier engagement, traceability and a grievance mechanism.",
      source = "Five-step framework (OECD page); the step title is recalled" },
    { id = "OECD-FAO.S2", title = "Step 2: identify, assess and prioritise risks in the supply chain",
      area = "Risk identification", verified = UNVERIFIED,
      text = "Map the supply chain and assess where the risks of adverse impacts are greatest.",
      source = "Five-step framework (OECD page); the step title is recalled" },
    { id = "OECD-FAO.S3", title = "Step 3: respond to the risks identified",
      area = "Prevention & remediation", verified = UNVERIFIED,
      text = "Design and carry out a strategy to prevent and mitigate the risks, with suppliers, and remedy impacts the enterprise causes or contributes to.",
      source = "Five-step framework (OECD page); the step title is recalled" },
    { id = "OECD-FAO.S4", title = "Step 4: verify supply chain due diligence",
      area = "Risk identification", verified = UNVERIFIED,
      text = "Check, for example through independent audits or verification, that due diligence works.",
      source = "Five-step framework (OECD page); the step title is recalled" },
    { id = "OECD-FAO.S5", title = "Step 5: report on supply chain due diligence",
      area = "Transparency", verified = UNVERIFIED,
      text = "Report publicly on the due diligence and its results.",
      source = "Five-step framework (OECD page); the step title is recalled" },
    { id = "OECD-FAO.TENURE", title = "Tenure rights and access to natural resources",
      area = "Land & communities",
      text = "Respect legitimate tenure rights over land, fisheries, forests and water, including customary and informal rights, in line with the Voluntary Guidelines on the Responsible Governance of Tenure.",
      source = "OECD publication page (risk areas); standards the Guidance builds on (respect.international)" },
    { id = "OECD-FAO.IP", title = "Engaging with indigenous peoples",
      area = "Land & communities",
      text = "Consult and engage with indigenous peoples in good faith, seeking their free, prior and informed consent for projects that affect their lands, territories and resources.",
      source = "OECD publication page (guidance for engaging with indigenous peoples)" },
    { id = "OECD-FAO.LAB", title = "Labour rights",
      area = "Labour rights",
      text = "Respect the fundamental labour rights of farm and plantation workers, including seasonal and migrant workers: no child or forced labour, freedom of association, non-discrimination, decent wages and safe work.",
      source = "OECD publication page (risk areas)" },
    { id = "OECD-FAO.HS", title = "Health and safety",
      area = "Labour rights",
      text = "Protect the health and safety of workers and communities, including from hazardous agrochemicals.",
      source = "OECD publication page (risk areas)" },
    { id = "OECD-FAO.ENV", title = "Environmental protection and sustainable use of natural resources",
      area = "Environment",
      text = "Prevent deforestation and the conversion of natural ecosystems, pollution of soil and water, and the loss of biodiversity; use water and agrochemicals sustainably.",
      source = "OECD publication page (risk areas)" },
    { id = "OECD-FAO.FOOD", title = "Food security and nutrition",
      area = "Land & communities",
      text = "Do not undermine local food security and nutrition, and contribute to them where possible.",
      source = "OECD publication page (risk areas)" },
  },
}
