#!/usr/bin/env python3
# bare-panel.py: the panel of API.md "Seen on real panels" that has only services, add, status
# and balance: every other action gets {"error":"Request Invalid"} (HTTP 200), its services carry
# no refill or cancel fields, and one says "dripfeed": false. Prints its API address, then
# appends each action it is asked to the file given as its argument. The key is KEY. A second
# argument names a file whose bytes, as they are, answer `services` (a recorded hostile reply).
import http.server
import json
import sys
import urllib.parse

KEY = "BARE-PANEL-KEY"
SERVICES = [
    {"service": 1, "name": "Followers", "type": "Default", "category": "Instagram",
     "rate": "0.90", "min": "50", "max": "10000"},
    {"service": 2, "name": "Views", "type": "Default", "category": "Instagram",
     "rate": "0.10", "min": "100", "max": "100000", "dripfeed": False},
]
log_path = sys.argv[1]
services_path = sys.argv[2] if len(sys.argv) > 2 else None
next_order = [23501]


class Panel(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, reply):
        body = reply if isinstance(reply, bytes) else json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        action = form.get("action", [""])[0]
        with open(log_path, "a") as log:
            log.write(action + "\n")
        if form.get("key", [""])[0] != KEY:
            return self.answer({"error": "API is disable for this user or user not found"})
        if action == "services":
            if services_path:
                with open(services_path, "rb") as f:
                    return self.answer(f.read())
            return self.answer(SERVICES)
        if action == "balance":
            return self.answer({"balance": "12.50", "currency": "USD"})
        if action == "add":
            next_order[0] += 1
            return self.answer({"order": next_order[0] - 1})
        if action == "status":
            return self.answer({"charge": "0.09", "start_count": "0", "status": "Pending",
                                "remains": "0", "currency": "USD"})
        return self.answer({"error": "Request Invalid"})


server = http.server.HTTPServer(("127.0.0.1", 0), Panel)
print("http://127.0.0.1:%d/api/v2" % server.server_address[1], flush=True)
server.serve_forever()
