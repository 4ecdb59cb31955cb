os.execute("touch /tmp/diligo-pwned")
