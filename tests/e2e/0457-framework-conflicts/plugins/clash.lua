-- A framework that takes a name and an id the catalogue has, and gets its
-- own entries wrong: every problem at its line.
return framework {
  id = "OECD", title = "Clashes with the catalogue", source = "none",
  duties = {
    { id = "OECD.RBC.S1", title = "Taken", text = "An id the catalogue has.", area = "Policy & governance" },
    { id = "OTHER.1", title = "Wrong prefix", text = "Not OECD.", area = "Environment" },
    { id = "OECD.X1", title = "Bad area", text = "No such area.", area = "Enviroment", verified = "checked" },
    { id = "OECD.X1", title = "Twice", text = "The same id again.", area = "Environment" },
  },
}
