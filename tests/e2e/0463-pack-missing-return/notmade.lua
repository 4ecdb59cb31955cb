-- A pack that returns a plain table: sector { ... } must make it.
return {
  id = "notmade", title = "Plain table", version = "0.1.0",
}
