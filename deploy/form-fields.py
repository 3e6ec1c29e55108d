#!/usr/bin/env python3
"""Reads an HTML page on stdin and prints the inputs of its booking form (or its check-answers form) as
NUL-separated name=value pairs for `curl --data-urlencode`, with name=value arguments added or replacing fields.
Usage: form-fields.py [name=value ...] < page.html"""
import html
import re
import sys

page = sys.stdin.read()
form = re.search(r'<form[^>]*data-testid="(booking-form|check-answers)"[\s\S]*?</form>', page)
form = form.group(0) if form else page
fields = {}
for tag in re.findall(r"<input[^>]*>", form):
    name = re.search(r'name="([^"]*)"', tag)
    kind = re.search(r'type="([^"]*)"', tag)
    if not name or (kind and kind.group(1) in ("checkbox", "radio") and "checked" not in tag):
        continue
    value = re.search(r'value="([^"]*)"', tag)
    fields[html.unescape(name.group(1))] = html.unescape(value.group(1)) if value else ""
for pair in sys.argv[1:]:
    name, _, value = pair.partition("=")
    fields[name] = value
sys.stdout.write("".join(f"{name}={value}\0" for name, value in fields.items()))
