#!/usr/bin/env python3
"""The plain client: what the panels' own example client does, in a few lines of Python.

One connection per request (urllib), requests one after another, json.loads on each reply.

  plain-client.py services URL              fetch and decode the catalogue
  plain-client.py status URL FIRST COUNT    ask about COUNT orders from FIRST, 100 a request

The key comes from $SMM_PANEL_SIM_KEY. Prints one JSON line: requests, items, seconds.
"""
import json
import os
import sys
import time
import urllib.parse
import urllib.request


def call(url, **fields):
    data = urllib.parse.urlencode(dict(key=os.environ["SMM_PANEL_SIM_KEY"], **fields)).encode()
    with urllib.request.urlopen(url, data=data) as reply:
        return json.loads(reply.read())


def main():
    action, url = sys.argv[1], sys.argv[2]
    start = time.monotonic()
    requests = items = 0
    if action == "services":
        items = len(call(url, action="services"))
        requests = 1
    else:
        first, count = int(sys.argv[3]), int(sys.argv[4])
        for batch in range(first, first + count, 100):
            ids = range(batch, min(batch + 100, first + count))
            items += len(call(url, action="status", orders=",".join(map(str, ids))))
            requests += 1
    print(json.dumps({"requests": requests, "items": items, "seconds": time.monotonic() - start}))


if __name__ == "__main__":
    main()
