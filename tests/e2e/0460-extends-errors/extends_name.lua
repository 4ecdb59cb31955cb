-- extends given as a name: it takes what require returns.
return sector {
  id = "extends_name", title = "Extends a name", version = "0.1.0",
  extends = "cocoa",
}
